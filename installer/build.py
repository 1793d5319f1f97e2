"""Build the self-contained Huis clos bundle for this OS, and prove it runs.

    python installer/build.py            # PyInstaller one-folder bundle in installer/dist/huisclos
    python installer/build.py --smoke    # … then run the bundled CLI and GUI, fail on any error
    python installer/build.py --tar      # … and pack it as huisclos-<version>-linux-x86_64.tar.gz
    python installer/build.py --nsis-check   # validate the Windows installer script with makensis

Prints the bundle size, the bundled ``huisclos demo`` time and the start-to-window time.
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = HERE / "dist"
WORK = HERE / "build"
ICONS = WORK / "icons"
BUNDLE = DIST / "huisclos"
FIXTURE_CSV = "Nom;Commentaire\r\nMARTIN;porteuse sida !!! !!!!\r\nDURAND;préfère RDV le matin\r\n"


def version() -> str:
    sys.path.insert(0, str(ROOT / "desktop"))
    from huisclos import __version__

    return __version__


def make_icons() -> None:
    """Render the SVG app icon to the .ico (Windows executables) and .png (Linux menus)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication, QIcon

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - needed to paint
    icon = QIcon(str(ROOT / "resources" / "icons" / "huisclos.svg"))
    ICONS.mkdir(parents=True, exist_ok=True)
    for name, size in (("huisclos.ico", 256), ("huisclos.png", 256)):
        image = icon.pixmap(QSize(size, size)).toImage()
        if not image.save(str(ICONS / name)):
            raise SystemExit(f"icône : impossible d'écrire {ICONS / name}")


def build() -> None:
    """Run PyInstaller on the spec; a clean build each time."""
    shutil.rmtree(BUNDLE, ignore_errors=True)
    make_icons()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            str(HERE / "huisclos.spec"),
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(DIST),
            "--workpath",
            str(WORK),
        ],
        check=True,
    )


def exe(name: str) -> Path:
    suffix = ".exe" if os.name == "nt" else ""
    return BUNDLE / f"{name}{suffix}"


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def _run_cli(args: list[str], env: dict[str, str], expect: int = 0) -> tuple[float, str]:
    start = time.perf_counter()
    result = subprocess.run(
        [str(exe("huisclos-cli")), *args], env=env, capture_output=True, text=True, timeout=300
    )
    elapsed = time.perf_counter() - start
    output = result.stdout + result.stderr
    if result.returncode != expect or "Traceback" in output:
        raise SystemExit(
            f"smoke: `huisclos-cli {' '.join(args)}` exited {result.returncode} "
            f"(expected {expect}):\n{output}"
        )
    return elapsed, output


def smoke() -> dict[str, float]:
    """Run the bundle as a user would; raise SystemExit on the first failure."""
    figures: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        env = dict(os.environ)
        env.update(
            HUISCLOS_HOME=str(tmp / "home"),
            HUISCLOS_STATE_HOME=str(tmp / "state"),
            HUISCLOS_PASSPHRASE="phrase de passe de test",
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            QT_QPA_PLATFORM="offscreen",
        )
        env.pop("HUISCLOS_RESOURCES", None)
        _, out = _run_cli(["--version"], env)
        if version() not in out:
            raise SystemExit(f"smoke: --version printed {out!r}")
        figures["demo_seconds"], _ = _run_cli(["demo"], env)
        fixture = tmp / "export.csv"
        fixture.write_bytes(FIXTURE_CSV.encode("cp1252"))
        _, out = _run_cli(["scan", str(fixture), "--format", "jsonl"], env)
        if '"category": "health"' not in out:
            raise SystemExit(f"smoke: scan found nothing:\n{out}")
        _run_cli(["clean", str(fixture), "-o", str(tmp / "propre.csv")], env)
        if b"sida" in (tmp / "propre.csv").read_bytes():
            raise SystemExit("smoke: the cleaned copy still holds the sensitive comment")
        _run_cli(["log", "verify"], env)
        figures["gui_start_seconds"] = _smoke_gui(env)
    return figures


def _smoke_gui(env: dict[str, str]) -> float:
    """Start the windowed executable offscreen; it must show its window and keep running."""
    env = dict(env, HUISCLOS_SMOKE_REPORT="1")
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(exe("huisclos"))], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    reader = threading.Thread(
        target=lambda: [lines.put(line) for line in process.stdout], daemon=True
    )
    reader.start()
    output: list[str] = []
    shown = None
    while time.perf_counter() - start < 30 and process.poll() is None:
        try:
            line = lines.get(timeout=0.1)
        except queue.Empty:
            continue
        output.append(line)
        if "huisclos: window shown" in line:
            shown = time.perf_counter() - start
            break
    if shown is not None:
        time.sleep(3)  # let it run: a crash after the window shows must fail too
    alive = process.poll() is None
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    reader.join(timeout=5)
    while not lines.empty():
        output.append(lines.get())
    text = "".join(output)
    if not alive or shown is None or "Traceback" in text:
        raise SystemExit(f"smoke: the GUI did not start cleanly:\n{text}")
    return shown


def pack_tar() -> Path:
    """The Linux bundle as a tar.gz, with the .desktop entry and icon beside the executables."""
    target = DIST / f"huisclos-{version()}-linux-{platform.machine()}.tar.gz"
    shutil.copy(HERE / "linux" / "huisclos.desktop", BUNDLE / "huisclos.desktop")
    shutil.copy(ICONS / "huisclos.png", BUNDLE / "huisclos.png")
    with tarfile.open(target, "w:gz") as tar:
        tar.add(BUNDLE, arcname=f"huisclos-{version()}")
    return target


def nsis_check() -> None:
    """Compile the NSIS script against a dummy payload: proves the script is valid."""
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("makensis introuvable : installez le paquet nsis (apt-get install nsis).")
    with tempfile.TemporaryDirectory() as tmp_name:
        payload = Path(tmp_name) / "payload"
        payload.mkdir()
        (payload / "huisclos.exe").write_bytes(b"MZ dummy")
        (payload / "huisclos-cli.exe").write_bytes(b"MZ dummy")
        out = Path(tmp_name) / "huisclos-setup.exe"
        subprocess.run(
            [
                makensis,
                "-V2",
                f"-DVERSION={version()}",
                f"-DPAYLOAD={payload}",
                f"-DOUTFILE={out}",
                str(HERE / "windows" / "huisclos.nsi"),
            ],
            check=True,
        )
        if not out.exists() or out.stat().st_size < 10_000:
            raise SystemExit("makensis n'a pas produit d'installateur.")
        print(f"NSIS : script valide ({out.stat().st_size // 1024} Kio avec une charge factice)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="run the bundle after building")
    parser.add_argument("--tar", action="store_true", help="pack the Linux bundle as tar.gz")
    parser.add_argument("--nsis-check", action="store_true", help="only validate the NSIS script")
    parser.add_argument("--no-build", action="store_true", help="reuse installer/dist/huisclos")
    args = parser.parse_args()
    if args.nsis_check:
        nsis_check()
        return 0
    if not args.no_build:
        started = time.perf_counter()
        build()
        print(f"bundle built in {time.perf_counter() - started:.0f} s")
    print(f"bundle size: {folder_size(BUNDLE) / 1e6:.0f} MB unpacked ({BUNDLE})")
    if args.smoke:
        figures = smoke()
        print(f"bundled `huisclos demo`: {figures['demo_seconds']:.2f} s")
        print(f"bundled app start to window: {figures['gui_start_seconds']:.2f} s")
        print("smoke: OK")
    if args.tar:
        print(f"archive: {pack_tar()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
