"""``python -m analysis.evaluation``: see :mod:`analysis.evaluation.run`."""

from analysis.evaluation.run import main

raise SystemExit(main())
