#!/usr/bin/env python3
"""test/lib/report_frame.py PAGE WIDTH HEIGHT > FRAME.html

Writes a page that shows PAGE (an HTML file) in a frame exactly WIDTH pixels
wide and HEIGHT high. Headless Chromium lays a window out at least 500
pixels wide, so a phone's 390 pixels are had this way: the frame (a srcdoc
iframe) is what the page is laid out in. A probe script in the frame's
parent, never in the page, writes "width SCROLL of CLIENT" (the page's
document widths) into the parent's title, for --dump-dom to read. Used by
test/integration/report_browser.sh and doc/img/screenshots.sh.
"""
import html
import sys

page = open(sys.argv[1], encoding='utf-8').read()
width, height = int(sys.argv[2]), int(sys.argv[3])
print(f"""<!DOCTYPE html><html><head><meta charset="utf-8"/><title>probe</title>
<style>body{{margin:0;background:#fff}}iframe{{border:0;display:block}}</style></head><body>
<iframe id="f" width="{width}" height="{height}" srcdoc="{html.escape(page, quote=True)}"></iframe>
<script>window.addEventListener('load', function () {{
  var d = document.getElementById('f').contentDocument.documentElement;
  document.title = 'width ' + d.scrollWidth + ' of ' + d.clientWidth;
}});</script></body></html>""")
