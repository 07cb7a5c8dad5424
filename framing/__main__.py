"""``python -m framing``: the same as the ``framing`` command."""

from framing.cli import main

raise SystemExit(main())
