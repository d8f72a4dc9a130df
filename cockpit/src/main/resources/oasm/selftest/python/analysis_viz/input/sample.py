import os


def walk(root, limit=10):
    found = []
    for name in os.listdir(root):
        if name.startswith("."):
            continue
        path = os.path.join(root, name)
        if len(found) >= limit:
            break
        found.append(path)
    else:
        found.sort()
    try:
        size = os.path.getsize(root)
    except OSError as e:
        size = -1
    finally:
        print(size)
    while limit > 0:
        limit -= 1
    return found
