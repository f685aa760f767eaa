"""Writes the sdkconfig.h ESP-IDF would generate from a component's Kconfig with every option
at its default, using Debian's kconfiglib (ESP-IDF's own Kconfig tooling descends from it).
Any Kconfig warning is an error. Usage: gen_sdkconfig.py KCONFIG OUT_H"""
import sys

import kconfiglib

kconf = kconfiglib.Kconfig(sys.argv[1], warn_to_stderr=True)
if kconf.warnings:
    sys.exit("FAIL: %d Kconfig warning(s) in %s" % (len(kconf.warnings), sys.argv[1]))
kconf.write_autoconf(sys.argv[2])
