"""Pages: views formatted into Markdown and HTML with Jinja2 templates (templates/), one escape
rule (html.py) and the contract with the page script (contract.py). Imports from model, load and
compute."""
