# A test-only module: each function tries one thing the sandbox must allow or refuse and
# reports what happened as plain data.


def attempt(code, output_dir=None):
    """Runs a snippet (OUT is the output folder); returns {"ok": value} or {"error": "Type: message"}."""
    scope = {"OUT": output_dir}
    try:
        exec(code, scope)
        return {"ok": repr(scope.get("result"))}
    except Exception as e:
        return {"error": type(e).__name__ + ": " + str(e)}


def echo(**kwargs):
    return kwargs


def fail(message):
    raise ValueError(message)


def spin():
    while True:
        pass


def count():
    n = 0
    while True:
        n += 1


def hog(megabytes):
    keep = []
    while True:
        keep.append(bytearray(1024 * 1024))


def write(path, text):
    with open(path, "w") as f:
        f.write(text)
    return path


def read(path):
    with open(path) as f:
        return f.read()
