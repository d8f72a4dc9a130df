# The bridge's two entry points, evaluated once when the context starts. The Java side calls
# load(name, source, filename) to install a module shipped in the jar, and
# invoke(module, function, args_json) to call one of its functions with keyword arguments.
# Arguments and results cross as JSON text: plain data only.
import json
import sys


def load(name, source, filename):
    module = type(sys)(name)
    module.__file__ = filename
    sys.modules[name] = module
    try:
        exec(compile(source, filename, "exec"), module.__dict__)
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
