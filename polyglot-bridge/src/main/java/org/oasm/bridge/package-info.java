/**
 * Python analysis in embedded, sandboxed GraalPy.
 *
 * <p>{@link org.oasm.bridge.PythonBridge} is the cockpit's one GraalPy context and the only door
 * into it: {@code call(module, function, kwargs, grants)} with plain data in and out. The
 * callable surface is the bindings manifest {@code python/bindings.yaml} ({@link
 * org.oasm.bridge.Bindings}); the Python sources ship in this jar under
 * {@code org/oasm/bridge/python/}. What a call may read and write is its
 * {@link org.oasm.bridge.Grants}, enforced by the {@link org.oasm.bridge.SandboxFileSystem};
 * its time and memory are watched by the {@link org.oasm.bridge.CallWatchdog}; its failures are
 * {@link org.oasm.bridge.PythonError}s, one line each. {@link org.oasm.bridge.ModuleInputs} is the
 * policy of {@code oasm analyze} (which files a module's input names), and
 * {@link org.oasm.bridge.SvgRenderer} runs Graphviz on the Java side. docs/PYTHON_BRIDGE.md has
 * the whole story.
 */
package org.oasm.bridge;
