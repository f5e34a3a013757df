"""``python -m eventwire.cli``: the command line."""

from . import main

raise SystemExit(main())
