"""The HTML page: one file with its styles inline, no scripts, fonts or links to elsewhere."""
from html import escape

STYLES = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2.2rem; }
h3 { font-size: 1.05rem; margin-top: 1.4rem; }
p.note, figcaption, caption { color: #444; font-size: 0.9rem; }
caption { caption-side: top; text-align: left; padding-bottom: 0.3rem; }
table { border-collapse: collapse; margin: 0.6rem 0 1rem; font-size: 0.88rem;
        font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; vertical-align: top; }
thead th { border-bottom: 2px solid #888; text-align: right; }
thead th:first-child, tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
td { text-align: right; white-space: nowrap; }
table.facts td { text-align: left; white-space: normal; word-break: break-all; }
tr.total th, tr.total td { font-weight: bold; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(24rem, 1fr)); gap: 0.5rem 1rem; }
figure { margin: 0.5rem 0; }
figure svg { max-width: 100%; height: auto; }
nav ol { columns: 2; font-size: 0.95rem; }
@media print {
  body { margin: 0; max-width: none; }
  nav { display: none; }
  h2 { break-after: avoid; }
  figure, table { break-inside: avoid; }
}
"""


def text(value):
    return escape(str(value), quote=True)


def paragraph(content, note=False):
    opening = '<p class="note">' if note else "<p>"
    return f"{opening}{text(content)}</p>"


def facts_table(pairs, table_id):
    """A two-column table of label and value (the header of the report)."""
    rows = "".join(f"<tr><th>{text(k)}</th><td>{text(v)}</td></tr>" for k, v in pairs)
    return f'<table class="facts" id="{text(table_id)}"><tbody>{rows}</tbody></table>'


def data_table(table_id, caption, headers, rows, total_rows=()):
    """A table whose first column labels the rows; `rows` are lists of strings. Rows whose index is
    in total_rows are set in bold."""
    head = "".join(f'<th scope="col">{text(h)}</th>' for h in headers)
    body = []
    for i, row in enumerate(rows):
        cells = f'<th scope="row">{text(row[0])}</th>' + "".join(f"<td>{text(c)}</td>" for c in row[1:])
        body.append(f'<tr class="total">{cells}</tr>' if i in total_rows else f"<tr>{cells}</tr>")
    return (f'<table id="{text(table_id)}"><caption>{text(caption)}</caption>'
            f'<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>')


def figure(svg, caption):
    return f"<figure>{svg}<figcaption>{text(caption)}</figcaption></figure>"


def charts(figures):
    return f'<div class="charts">{"".join(figures)}</div>'


class Page:
    def __init__(self, title, subtitle):
        self.title, self.subtitle = title, subtitle
        self.sections = []   # (id, heading, [html parts])

    def add_section(self, section_id, heading, parts):
        self.sections.append((section_id, heading, [p for p in parts if p]))

    def render(self):
        contents = "".join(f'<li><a href="#{text(i)}">{text(h)}</a></li>' for i, h, _ in self.sections)
        sections = "".join(f'<section id="{text(i)}"><h2>{text(h)}</h2>{"".join(parts)}</section>'
                           for i, h, parts in self.sections)
        return ("<!DOCTYPE html>\n"
                f'<html lang="en"><head><meta charset="utf-8"><title>{text(self.title)}</title>'
                '<meta name="viewport" content="width=device-width, initial-scale=1">'
                f"<style>{STYLES}</style></head><body>"
                f"<header><h1>{text(self.title)}</h1><p>{text(self.subtitle)}</p></header>"
                f"<nav><ol>{contents}</ol></nav>{sections}</body></html>\n")
