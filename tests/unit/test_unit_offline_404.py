"""build_data.site.write.offline_404: the offline copy's 404.html has links relative to its root folder
(MkDocs writes them from the server's root, which a copy on disk does not have)."""

from build_data.site.write import offline_404


def test_root_links_become_relative_and_others_stay():
    html = (b'<link href="/assets/x.css"><script src="/assets/y.js"></script><a href="/index.html">'
            b'<a href="//cdn.example/z">'  # protocol-relative: not a link from the root
            b'<a href="https://voorbeeld.nl/">'
            b'<script id="__config" type="application/json">{"base": "/", "search": "/assets/w.js"}</script>'
            b'<script>__md_scope=new URL("/",location)</script>')
    out = offline_404(html)
    assert b'href="assets/x.css"' in out and b'src="assets/y.js"' in out and b'href="index.html"' in out
    assert b'href="//cdn.example/z"' in out and b'href="https://voorbeeld.nl/"' in out
    assert b'"base": "."' in out and b'"search": "assets/w.js"' in out and b'new URL(".",location)' in out
