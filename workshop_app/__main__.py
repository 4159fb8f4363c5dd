"""`python -m workshop_app` does what the `workshop-app` command does."""

import sys

from workshop_app.cli import main

sys.exit(main())
