namespace ChainMatch.Storage;

/// <summary>
/// The store, the access file (key hashes, the audit log) and their backups are for the service's own user: folders
/// are created 0700 and files 0600 before SQLite opens them. SQLite gives the -wal, -shm and journal files it creates
/// beside a database the database file's mode, so they follow.
/// </summary>
public static class PrivateFiles
{
    const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    const UnixFileMode OwnerFolder = OwnerFile | UnixFileMode.UserExecute;

    /// <summary>Creates the folder (and any missing parents) owner-only; an existing folder keeps its mode.</summary>
    public static void Folder(string path)
    {
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else if (!Directory.Exists(path)) Directory.CreateDirectory(path, OwnerFolder);
    }

    /// <summary>Creates an empty owner-only file (an empty file is an empty SQLite database) unless one is there, and its folder.</summary>
    public static void File(string path)
    {
        var full = Path.GetFullPath(path);
        Folder(Path.GetDirectoryName(full)!);
        if (System.IO.File.Exists(full)) return;
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerFile;
        try
        {
            using var _ = new FileStream(full, options);
        }
        catch (IOException) when (System.IO.File.Exists(full))
        {
            // Another process created it first: theirs is created the same way.
        }
    }
}
