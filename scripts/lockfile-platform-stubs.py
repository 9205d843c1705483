# Adds lock entries for optional platform packages that the package registry reachable here
# does not serve (darwin, windows, android, freebsd, 32-bit arm, wasm builds), so that `npm ci`
# validates. They are never installed on linux-x64: npm skips them by their os/cpu fields.
import json, sys
path = sys.argv[1]
missing = [line.strip() for line in open(sys.argv[2]) if line.strip()]
lock = json.load(open(path))
packages = lock["packages"]
def platform(name):
    for os_name in ["darwin", "win32", "android", "freebsd", "linux"]:
        if os_name in name:
            os_list = [os_name]
            break
    else:
        os_list = None
    cpu = None
    for arch in ["arm64", "x64", "arm", "wasm32"]:
        if f"-{arch}" in name:
            cpu = [arch]
            break
    return os_list, cpu
for name in missing:
    # version: what the parent's optionalDependencies ask for
    version = None
    for key, entry in packages.items():
        opt = entry.get("optionalDependencies", {})
        if name in opt:
            version = opt[name]
            break
    assert version, name
    os_list, cpu = platform(name)
    entry = {"version": version, "optional": True}
    if os_list and name.endswith("wasm32-wasi") is False:
        entry["os"] = os_list
    if cpu:
        entry["cpu"] = cpu
    packages[f"node_modules/{name}"] = dict(sorted(entry.items()))
lock["packages"] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != "", kv[0])))
json.dump(lock, open(path, "w"), indent=2)
open(path, "a").write("\n")
print(f"added {len(missing)} entries")
