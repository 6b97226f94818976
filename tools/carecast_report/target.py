"""Writing the report: checked before anything is read, written under a temporary name in the
target's folder, and renamed when complete. An existing file is replaced only with --force, and
never when it is the input."""
import os
import tempfile

from .errors import TargetError


def check_target(output, input_path, force):
    """Refuse an output that is the input, a folder, in a missing folder, or (without force) exists."""
    if same_file(output, input_path):
        raise TargetError(f"the output '{output}' is the input file '{input_path}'; give another name with -o")
    if os.path.isdir(output):
        raise TargetError(f"the output '{output}' is a folder; expected the name of an HTML file")
    folder = os.path.dirname(os.path.abspath(output))
    if not os.path.isdir(folder):
        raise TargetError(f"the folder of the output '{output}' does not exist")
    if not os.access(folder, os.W_OK):
        raise TargetError(f"the folder of the output '{output}' is not writable")
    if os.path.lexists(output) and not force:
        raise TargetError(f"the output '{output}' exists; pass --force to overwrite it")
    if os.path.lexists(output) and (os.path.islink(output) or not os.path.isfile(output)):
        raise TargetError(f"the output '{output}' is not a regular file; --force replaces only an earlier report")


def same_file(a, b):
    if os.path.exists(a) and os.path.exists(b):
        return os.path.samefile(a, b)
    return os.path.realpath(a) == os.path.realpath(b)


def write_atomically(output, text, force):
    """Write `text` to a temporary file beside `output`, flush it to disk and rename it to `output`.
    Without force the rename is a hard link, which fails if `output` appeared in the meantime. The
    temporary file is removed whatever happens."""
    folder = os.path.dirname(os.path.abspath(output))
    handle, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(output)}.partial-", dir=folder)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o666 & ~current_umask())
        publish(temporary, output, force)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def publish(temporary, output, force):
    if force:
        os.replace(temporary, output)
        return
    try:
        os.link(temporary, output)
    except FileExistsError as error:
        raise TargetError(f"the output '{output}' appeared while the report was made; "
                          "pass --force to overwrite it") from error
    except OSError:                     # a file system without hard links
        if os.path.lexists(output):
            raise TargetError(f"the output '{output}' exists; pass --force to overwrite it")
        os.rename(temporary, output)


def current_umask():
    mask = os.umask(0)
    os.umask(mask)
    return mask
