"""The benchmark's page renderer breaks lines where a browser's copy of the page does."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))
try:
    from clean_render import render_page
finally:
    sys.path.remove(str(BENCHMARKS))

PAGE = """<html><head><title>Head</title><script>var x = 1;</script></head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<center>Breaking news</center>
<article><h1>Shelling kills <em>four</em> in Saraqib</h1>
<p>Officials said <a href="/p">the shelling</a> near <b>Saraqib</b> killed <span>four</span>
people.<br>Rescuers were still searching.</p>
<table><tr><th>Ticker</th><th>Last</th></tr><tr><td><a href="/q">HD</a></td><td>225.86</td></tr>
</table><div style="display: none">hidden</div><button>Share</button> <button>Print</button>
</article><footer>© 2024 Levant Daily</footer></body></html>"""


def test_inline_tags_stay_on_the_line_and_blocks_break_it() -> None:
    assert render_page(PAGE).split("\n") == [
        "Home",
        "World",
        "Breaking news",
        "Shelling kills four in Saraqib",
        "Officials said the shelling near Saraqib killed four people.",
        "Rescuers were still searching.",
        "Ticker Last",  # a table row is one line, its cells side by side
        "HD 225.86",
        "Share Print",  # buttons are inline blocks
        "© 2024 Levant Daily",
    ]
