"""`python -m eventwire`: the same CLI as the `eventwire` command."""

from eventwire.cli import main

raise SystemExit(main())
