import sys

from validator.entry import main

sys.exit(main())
