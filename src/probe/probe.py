# pip-doctor probe: reports the facts pip's install-location decision depends on.
#
# Runs with the target interpreter in the user's real environment (no -I, -S or -E: pip
# does not use them either). Standard library only; compatible with Python 2.7 to 3.14.
# It never imports pip (slow, and may have side effects) and never writes anything.
# Output is one JSON document between two marker lines that carry a nonce given in argv,
# so junk printed by sitecustomize or .pth files cannot be mistaken for it.
import json
import os
import sys

PROBE_VERSION = 1
PLACEHOLDER = "/@PIPDOCTOR_BASE@"  # substituted for --prefix / --target by the TypeScript side
SCHEME_KEYS = ("purelib", "platlib", "scripts", "data", "include")


def text(value):
    """A JSON-safe text for a path or message, on Python 2 and 3."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode(sys.getfilesystemencoding() or "utf-8", "replace")
    try:
        return "%s" % (value,)
    except Exception:  # pragma: no cover - odd objects
        return repr(value)


def attempt(func, default=None):
    """Run func(); return (value, None) or (default, 'error text')."""
    try:
        return func(), None
    except Exception as exc:  # the probe must never crash on a strange interpreter
        return default, "%s: %s" % (type(exc).__name__, text(exc))


def python_facts():
    import platform
    import sysconfig

    impl = getattr(sys, "implementation", None)
    return {
        "version": "%d.%d.%d" % sys.version_info[:3],
        "versionInfo": list(sys.version_info[:3]) + [text(sys.version_info[3]), sys.version_info[4]],
        "implementation": text(impl.name) if impl else platform.python_implementation().lower(),
        "executable": text(sys.executable),
        "osName": os.name,
        "sysPlatform": sys.platform,
        "machine": text(platform.machine()),
        "framework": text(sysconfig.get_config_var("PYTHONFRAMEWORK") or "") or None,
        "freeThreaded": bool(sysconfig.get_config_var("Py_GIL_DISABLED")),
        "winver": text(getattr(sys, "winver", None)),
        "platlibdir": text(getattr(sys, "platlibdir", "lib")),
        "flags": {
            "noUserSite": bool(sys.flags.no_user_site),
            "ignoreEnvironment": bool(sys.flags.ignore_environment),
            "isolated": bool(getattr(sys.flags, "isolated", 0)),
        },
        "stdoutEncoding": text(getattr(sys.stdout, "encoding", None)),
        "filesystemEncoding": text(sys.getfilesystemencoding()),
    }


def prefix_facts():
    return {
        "prefix": text(sys.prefix),
        "execPrefix": text(sys.exec_prefix),
        "basePrefix": text(getattr(sys, "base_prefix", None)),
        "baseExecPrefix": text(getattr(sys, "base_exec_prefix", None)),
        "realPrefix": text(getattr(sys, "real_prefix", None)),
    }


def site_facts():
    import site

    site_file = getattr(site, "__file__", None)
    site_dir = os.path.dirname(os.path.abspath(site_file)) if site_file else None
    user_base, _ = attempt(site.getuserbase) if hasattr(site, "getuserbase") else (None, None)
    user_site, _ = attempt(site.getusersitepackages) if hasattr(site, "getusersitepackages") else (None, None)
    marker = os.path.join(site_dir, "no-global-site-packages.txt") if site_dir else None
    enable = getattr(site, "ENABLE_USER_SITE", None)
    return {
        "enableUserSite": enable if enable in (True, False) else None,
        "userBase": text(user_base if user_base is not None else getattr(site, "USER_BASE", None)),
        "userSite": text(user_site if user_site is not None else getattr(site, "USER_SITE", None)),
        "siteModuleDir": text(site_dir),
        "legacyNoGlobalMarker": text(marker),
        "legacyNoGlobalMarkerExists": bool(marker and os.path.isfile(marker)),
        "sysPath": [text(p) for p in sys.path[1:]],  # [0] is the probe's own folder
    }


def pyvenv_cfg_facts():
    # pip reads <sys.prefix>/pyvenv.cfg as UTF-8 and splits it into lines (20.2.2+).
    path = os.path.join(sys.prefix, "pyvenv.cfg")
    result = {"path": text(path), "lines": None, "error": None}
    if not os.path.exists(path):
        return result
    try:
        import io

        with io.open(path, encoding="utf-8") as handle:
            result["lines"] = [text(line) for line in handle.read().splitlines()]
    except Exception as exc:
        result["error"] = "%s: %s" % (type(exc).__name__, text(exc))
    return result


def externally_managed_facts(stdlib):
    path = os.path.join(stdlib, "EXTERNALLY-MANAGED") if stdlib else None
    result = {"path": text(path), "isFile": False, "content": None, "error": None}
    if not path or not os.path.isfile(path):
        return result
    result["isFile"] = True
    try:
        with open(path, "rb") as handle:
            raw = handle.read(65536)
        result["content"] = raw.decode("utf-8")
    except Exception as exc:
        result["error"] = "%s: %s" % (type(exc).__name__, text(exc))
    return result


def locale_facts():
    # pip calls setlocale(LC_ALL, "") at start-up, then reads the LC_MESSAGES language
    # to pick the EXTERNALLY-MANAGED "Error-<lang>" key.
    import locale

    result = {"messagesLanguage": None, "hasLcMessages": hasattr(locale, "LC_MESSAGES"), "error": None}
    try:
        locale.setlocale(locale.LC_ALL, "")
    except Exception as exc:
        result["error"] = text(exc)
    if result["hasLcMessages"]:
        lang, err = attempt(lambda: locale.getlocale(locale.LC_MESSAGES)[0])
        result["messagesLanguage"] = text(lang)
        result["error"] = result["error"] or err
    return result


def sysconfig_facts():
    import sysconfig

    home_keys = ["installed_base", "base", "installed_platbase", "platbase", "prefix", "exec_prefix"]
    userbase_var = sysconfig.get_config_var("userbase") is not None
    if userbase_var:
        home_keys.append("userbase")
    names = list(sysconfig.get_scheme_names())
    preferred = None
    if hasattr(sysconfig, "get_preferred_scheme"):
        preferred = {}
        for key in ("prefix", "home", "user"):
            preferred[key], _ = attempt(lambda key=key: sysconfig.get_preferred_scheme(key))
    default_scheme = None
    if hasattr(sysconfig, "get_default_scheme"):
        default_scheme, _ = attempt(sysconfig.get_default_scheme)
    custom_vars = dict((key, PLACEHOLDER) for key in home_keys)
    paths = {}
    for name in names:
        plain, plain_error = attempt(lambda name=name: sysconfig.get_paths(scheme=name))
        custom, custom_error = attempt(lambda name=name: sysconfig.get_paths(scheme=name, vars=custom_vars))
        paths[name] = {
            "plain": pick_keys(plain) if plain else None,
            "custom": pick_keys(custom) if custom else None,
            "error": plain_error or custom_error,
        }
    use_sysconfig = getattr(sysconfig, "_PIP_USE_SYSCONFIG", None)
    return {
        "schemeNames": names,
        "preferred": preferred,
        "defaultScheme": default_scheme,
        "pipUseSysconfig": bool(use_sysconfig) if use_sysconfig is not None else None,
        "homeKeysIncludeUserbase": userbase_var,
        "defaultPaths": pick_keys(sysconfig.get_paths()),
        "stdlib": text(sysconfig.get_path("stdlib")),
        "paths": paths,
    }


def pick_keys(paths):
    return dict((key, text(paths.get(key))) for key in SCHEME_KEYS)


def needs_distutils(pip_version):
    """Whether this pip computes locations with distutils: pip < 21.3 always, later pips on
    Python <= 3.9 or when the distributor set sysconfig._PIP_USE_SYSCONFIG = False."""
    import re
    import sysconfig

    if sys.version_info >= (3, 12) or not pip_version:
        return False
    numbers = [int(n) for n in re.findall(r"\d+", pip_version)[:2]] + [0, 0]
    if tuple(numbers[:2]) < (21, 3) or sys.version_info < (3, 10):
        return True
    return getattr(sysconfig, "_PIP_USE_SYSCONFIG", True) is False


def distutils_facts():
    # The distutils "install" command also reads setup.cfg in the current directory,
    # distutils.cfg and ~/.pydistutils.cfg. Computed here exactly as pip does it.
    import warnings

    # setuptools' distutils shim steps aside when pip runs (pypa/pip#8761): do the same.
    hidden = [f for f in sys.meta_path if type(f).__name__ == "DistutilsMetaFinder"]
    for finder in hidden:
        sys.meta_path.remove(finder)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from distutils.dist import Distribution  # noqa: F401
    except Exception as exc:
        return {"error": "%s: %s" % (type(exc).__name__, text(exc)), "cases": None}
    finally:
        for finder in hidden:
            sys.meta_path.append(finder)
    cases = {}
    for case, kwargs in (
        ("default", {}),
        ("defaultIsolated", {"isolated": True}),
        ("user", {"user": True}),
        ("userIsolated", {"user": True, "isolated": True}),
        ("home", {"home": PLACEHOLDER}),
        ("homeIsolated", {"home": PLACEHOLDER, "isolated": True}),
        ("prefix", {"prefix": PLACEHOLDER}),
        ("prefixIsolated", {"prefix": PLACEHOLDER, "isolated": True}),
    ):
        value, error = attempt(lambda kwargs=kwargs: distutils_scheme(Distribution, **kwargs))
        cases[case] = value if value is not None else {"error": error}
    return {"error": None, "cases": cases}


def distutils_scheme(Distribution, user=False, home=None, prefix=None, isolated=False):
    dist_args = {"name": ""}
    if isolated:
        dist_args["script_args"] = ["--no-user-cfg"]
    dist = Distribution(dist_args)
    config_error = None
    try:
        dist.parse_config_files()
    except UnicodeDecodeError as exc:
        config_error = text(exc)
    install = dist.get_command_obj("install", create=True)
    install.create_home_path = lambda: None  # pip's call creates ~/.local dirs; the probe writes nothing
    install.user = user or install.user
    if user or home:
        install.prefix = ""
    install.prefix = prefix or install.prefix
    install.home = home or install.home
    install.finalize_options()
    scheme = dict((key, text(getattr(install, "install_" + key))) for key in ("purelib", "platlib", "scripts", "data", "headers"))
    scheme["installLibFromConfig"] = "install_lib" in dist.get_option_dict("install")
    scheme["installLib"] = text(install.install_lib)
    scheme["configFiles"] = [text(p) for p in dist.find_config_files()]
    scheme["configError"] = config_error
    return scheme


def pip_facts():
    # The pip that `python -m pip` imports: the first sys.path entry holding a pip package.
    # Its version is read from pip/__init__.py, without importing pip.
    import re

    for entry in [os.getcwd()] + sys.path[1:]:
        if not entry:
            continue
        init = os.path.join(entry, "pip", "__init__.py")
        if not os.path.isfile(init):
            continue
        version = None
        try:
            with open(init, "rb") as handle:
                match = re.search(br"^__version__\s*=\s*['\"]([^'\"]+)['\"]", handle.read(8192), re.M)
            if match:
                version = match.group(1).decode("ascii", "replace")
        except Exception:
            pass
        return {"version": version, "location": text(entry), "module": text(os.path.dirname(init))}
    return {"version": None, "location": None, "module": None}


def collect():
    import sysconfig

    facts = {"probeVersion": PROBE_VERSION, "errors": {}}
    for key, func in (
        ("python", python_facts),
        ("prefixes", prefix_facts),
        ("site", site_facts),
        ("pyvenvCfg", pyvenv_cfg_facts),
        ("locale", locale_facts),
        ("sysconfig", sysconfig_facts),
        ("pip", pip_facts),
    ):
        facts[key], error = attempt(func)
        if error:
            facts["errors"][key] = error
    # Importing distutils is the slowest part of the probe: only when this pip would use it.
    facts["distutils"] = None
    if needs_distutils((facts.get("pip") or {}).get("version")):
        facts["distutils"], error = attempt(distutils_facts)
        if error:
            facts["errors"]["distutils"] = error
    stdlib, _ = attempt(lambda: sysconfig.get_path("stdlib"))
    facts["externallyManaged"], error = attempt(lambda: externally_managed_facts(stdlib))
    if error:
        facts["errors"]["externallyManaged"] = error
    return facts


def main():
    nonce = sys.argv[1] if len(sys.argv) > 1 else "0"
    document = json.dumps(collect(), sort_keys=True)
    out = getattr(sys.stdout, "buffer", sys.stdout)
    payload = "\n@@pip-doctor-begin-%s@@\n%s\n@@pip-doctor-end-%s@@\n" % (nonce, document, nonce)
    out.write(payload.encode("ascii") if out is not sys.stdout else payload)
    out.flush()


if __name__ == "__main__":
    main()
