# The bridge's two entry points, evaluated once when the context starts. The Java side calls
# load(name, source, filename, cached) to install a module shipped in the jar, and
# invoke(module, function, args_json) to call one of its functions with keyword arguments.
# Arguments and results cross as JSON text: plain data only.
import json
import marshal
import sys
from _frozen_importlib_external import MAGIC_NUMBER


def _compiled(source, filename, cached):
    """The module's code: from the bytecode cache file when it holds this GraalPy's code of this
    source (the Java side names the file by the source's hash), else compiled, and kept there
    when the cache may be written (it may only while modules load)."""
    if cached:
        try:
            with open(cached, "rb") as f:
                data = f.read()
            if data[:len(MAGIC_NUMBER)] == MAGIC_NUMBER:
                return marshal.loads(data[len(MAGIC_NUMBER):])
        except (OSError, ValueError, EOFError, TypeError):
            pass
    code = compile(source, filename, "exec")
    if cached:
        import os
        partial = "%s.%x.tmp" % (cached, id(code))
        try:
            with open(partial, "wb") as f:
                f.write(MAGIC_NUMBER + marshal.dumps(code))
            os.replace(partial, cached)
        except OSError:
            try:
                os.remove(partial)
            except OSError:
                pass
    return code


def load(name, source, filename, cached=None):
    module = type(sys)(name)
    module.__file__ = filename
    sys.modules[name] = module
    try:
        exec(_compiled(source, filename, cached), module.__dict__)
    except BaseException:
        del sys.modules[name]
        raise


def invoke(module, function, args_json):
    try:
        result = getattr(sys.modules[module], function)(**json.loads(args_json))
        return json.dumps({"ok": True, "result": result}, allow_nan=False)
    except BaseException as e:  # SystemExit too; the runtime's own cancellation is no Python exception
        import traceback
        return json.dumps({
            "ok": False,
            "type": type(e).__name__,
            "message": str(e),
            "traceback": traceback.format_exc(),
        })


(load, invoke)
