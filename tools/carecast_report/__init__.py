"""carecast_report: a self-contained HTML report of a carecast result or comparison file.

tools/report.py is the command line; this package reads the file and builds the page:

- errors.py              the errors the report stops on (input, command line, output target)
- input_file.py          opening the HDF5 file, telling its kind, checked reads of datasets
- sweep_combination.py   one combination of a sweep file (--combination), read as a result
- years.py               which year a date or grid interval belongs to, yearly sums
- year_labels.py         names of reporting years, a short year marked ('2026 (Jul–Dec)')
- year_span.py           the span of the forecast in words, for the header
- in_order.py            sums added in index order, as carecast adds
- spread.py              mean and quantiles across replicates, in carecast's arithmetic
- scenario_text.py       scalars of the resolved scenario (name, years, year_begins, money settings)
- money_note.py          how the money is counted, in words (prices, discounting)
- formatting.py          numbers as the tables print them
- outside_interval.py    the '*' on a cell whose mean lies outside its interval, and its note
- charts.py              matplotlib charts as inline SVG
- html_page.py           the page: sections, tables, figures, styles
- result_context.py      what every section of a result file needs: grid, years, states, checked arrays
- result_sections.py     the sections of a result file of 'carecast run'
- budget_section.py      its budget
- comparison_context.py  what every section of a comparison file needs
- cost_split.py          a cost difference split into the interventions' own cost categories and the rest
- comparison_sections.py the sections of a comparison file of 'carecast compare'
- target.py              writing the output atomically, never over the input
"""
