"""carecast_report: a self-contained HTML report of a carecast result or comparison file.

tools/report.py is the command line; this package reads the file and builds the page:

- errors.py              the errors the report stops on (input, output target)
- input_file.py          opening the HDF5 file, telling its kind, checked reads of datasets
- years.py               which year a date or grid interval belongs to, yearly sums
- spread.py              mean and quantiles across replicates (numpy only)
- scenario_text.py       scalars of the resolved scenario (name, currency, price year, ...)
- formatting.py          numbers as the tables print them
- charts.py              matplotlib charts as inline SVG
- html_page.py           the page: sections, tables, figures, styles
- result_context.py      what every section of a result file needs: grid, years, states, checked arrays
- result_sections.py     the sections of a result file of 'carecast run'
- budget_section.py      its budget
- comparison_sections.py the sections of a comparison file of 'carecast compare'
- target.py              writing the output atomically, never over the input
"""
