#!/usr/bin/python3
"""Start moto's server with a Secrets Manager fix and atomic DynamoDB writes.

Run with Debian's system interpreter and the unpacked moto on PYTHONPATH:

    /usr/bin/python3 .ci/moto_launcher.py -H 127.0.0.1 -p PORT

moto's SecretsManagerBackend.update_secret_version_stage moves the
AWSCURRENT label between versions but never updates the secret's default
version id, so a GetSecretValue *without* VersionStage keeps returning the
old version (see /work/shared/notes/local-aws-emulators.md, section 3.3).
Real AWS returns the version that now carries AWSCURRENT. This launcher
wraps that method so that, when AWSCURRENT is moved to a given version, the
secret's default version id follows it. Then it hands over to
moto.server.main() with the command-line arguments unchanged.

If the patch target cannot be found (a moto release that renamed things or
fixed the bug differently), a warning is printed and moto runs unpatched.

If CERTGUARD_MOTO_PARENT_PID is set (.ci/moto.sh sets it to the PID of the
shell that starts moto) and equals our parent PID, a watchdog thread ends
moto once that shell is gone, so a killed CI shell does not leave moto running.
"""

import functools
import inspect
import os
import sys
import threading
import time

_TAG = "[moto_launcher]"


def _warn(message):
    print(f"{_TAG} WARNING: {message}", file=sys.stderr, flush=True)


def _info(message):
    print(f"{_TAG} {message}", file=sys.stderr, flush=True)


def _set_default_version(secret, version_id):
    """Point the secret's default version at version_id; True on success."""
    # A ReplicaSecret (moto >= 5) proxies its primary through `.source` and
    # exposes default_version_id as a read-only property.
    target = getattr(secret, "source", None) or secret
    setter = getattr(target, "set_default_version_id", None)
    if callable(setter):
        setter(version_id)
        return True
    if hasattr(target, "default_version_id"):
        target.default_version_id = version_id
        return True
    return False


def _patch_update_secret_version_stage():
    try:
        from moto.secretsmanager import models
    except Exception as exc:  # never stop moto from starting
        _warn(f"cannot import moto.secretsmanager.models ({exc!r}); running unpatched")
        return False

    backend_cls = getattr(models, "SecretsManagerBackend", None)
    original = getattr(backend_cls, "update_secret_version_stage", None)
    if backend_cls is None or not callable(original):
        _warn("SecretsManagerBackend.update_secret_version_stage not found; running unpatched")
        return False
    if getattr(original, "_certguard_patched", False):
        return True

    try:
        signature = inspect.signature(original)
    except (TypeError, ValueError) as exc:
        _warn(f"cannot inspect update_secret_version_stage ({exc!r}); running unpatched")
        return False
    needed = {"secret_id", "version_stage", "move_to_version_id"}
    if not needed.issubset(signature.parameters):
        _warn(
            "update_secret_version_stage has parameters "
            f"{list(signature.parameters)}; expected {sorted(needed)}; running unpatched"
        )
        return False

    @functools.wraps(original)
    def update_secret_version_stage(self, *args, **kwargs):
        result = original(self, *args, **kwargs)
        try:
            call = signature.bind(self, *args, **kwargs)
            call.apply_defaults()
            params = call.arguments
            if params.get("version_stage") == "AWSCURRENT" and params.get("move_to_version_id"):
                secret = self.secrets[params["secret_id"]]
                if not _set_default_version(secret, params["move_to_version_id"]):
                    _warn("secret has no default version id to update; left unchanged")
        except Exception as exc:  # the label move itself already succeeded
            _warn(f"could not update the default version id ({exc!r})")
        return result

    update_secret_version_stage._certguard_patched = True
    backend_cls.update_secret_version_stage = update_secret_version_stage
    return True


_DYNAMODB_WRITES = ("put_item", "update_item", "delete_item", "transact_write_items", "batch_write_item")
_DYNAMODB_LOCK = threading.RLock()


def _patch_dynamodb_atomic_writes():
    """Serialise moto's DynamoDB writes.

    Real DynamoDB checks a ConditionExpression and writes the item as one
    atomic step. moto's server handles requests on several threads and its
    backend checks, then writes, without a lock, so two conditional puts of
    the same item can both succeed. certguard's optimistic locking (and its
    race tests) rely on the real behaviour; one lock around the write
    methods gives it back. Reads are left concurrent.
    """
    try:
        from moto.dynamodb import models
    except Exception as exc:
        _warn(f"cannot import moto.dynamodb.models ({exc!r}); DynamoDB writes not serialised")
        return False
    backend_cls = getattr(models, "DynamoDBBackend", None)
    if backend_cls is None:
        _warn("DynamoDBBackend not found; DynamoDB writes not serialised")
        return False
    patched = []
    for name in _DYNAMODB_WRITES:
        original = getattr(backend_cls, name, None)
        if not callable(original) or getattr(original, "_certguard_patched", False):
            continue

        def locked(original=original):
            @functools.wraps(original)
            def write(self, *args, **kwargs):
                with _DYNAMODB_LOCK:
                    return original(self, *args, **kwargs)

            write._certguard_patched = True
            return write

        setattr(backend_cls, name, locked())
        patched.append(name)
    if "put_item" not in patched and not getattr(getattr(backend_cls, "put_item", None), "_certguard_patched", False):
        _warn("DynamoDBBackend.put_item not found; DynamoDB writes not serialised")
        return False
    return True


def _watch_parent():
    expected = os.environ.get("CERTGUARD_MOTO_PARENT_PID", "")
    if not expected.isdigit() or int(expected) != os.getppid():
        return

    def watch():
        while os.getppid() == int(expected):
            time.sleep(1)
        _info(f"parent shell (pid {expected}) is gone; stopping moto")
        os._exit(0)

    threading.Thread(target=watch, name="certguard-parent-watch", daemon=True).start()


def main(argv):
    try:
        import moto

        version = getattr(moto, "__version__", "unknown")
    except Exception as exc:
        print(f"{_TAG} ERROR: cannot import moto: {exc!r}", file=sys.stderr, flush=True)
        return 1

    try:
        patched = _patch_update_secret_version_stage()
    except Exception as exc:  # belt and braces: a broken patch must not stop moto
        _warn(f"patching failed unexpectedly ({exc!r}); running unpatched")
        patched = False
    try:
        atomic = _patch_dynamodb_atomic_writes()
    except Exception as exc:
        _warn(f"serialising DynamoDB writes failed unexpectedly ({exc!r}); running without it")
        atomic = False
    _info(
        f"moto {version} from {getattr(moto, '__file__', '?')}; "
        f"UpdateSecretVersionStage default-version patch: {'applied' if patched else 'NOT applied'}; "
        f"atomic DynamoDB writes: {'applied' if atomic else 'NOT applied'}"
    )

    _watch_parent()
    from moto.server import main as moto_server_main

    # moto.server.main() falls back to sys.argv[1:] when given an empty list.
    sys.argv = [sys.argv[0]] + list(argv)
    moto_server_main(list(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
