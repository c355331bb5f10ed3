import sys

from validator.console import main

sys.exit(main())
