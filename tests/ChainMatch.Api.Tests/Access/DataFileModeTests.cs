using System.Net.Http.Json;
using ChainMatch.Api.Graph;
using ChainMatch.Storage;
using ChainMatch.Storage.Access;
using ChainMatch.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChainMatch.Api.Tests.Access;

/// <summary>The data folder, the store, the access file, the files SQLite puts beside them and backups are the service user's alone.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFileModeTests : ApiTest
{
    const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Test]
    public async Task Data_files_are_created_0600_in_a_0700_folder_and_so_are_backups()
    {
        // A write, so that the -wal and -shm files exist too.
        var put = await Client.PutAsJsonAsync("/api/firms/foil-co", new { name = "铝箔股份公司", headquarters = "530100" });
        Assert.That(put.IsSuccessStatusCode, await put.Content.ReadAsStringAsync());
        var backups = Path.Combine(App.DataDirectory, "backups");
        await ((SqliteGraphStore)Services.GetRequiredService<IGraphStore>()).BackupAsync(Path.Combine(backups, "chainmatch.db"));

        var files = Directory.GetFiles(App.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.That(files, Is.SupersetOf(new[] { Path.Combine(App.DataDirectory, "chainmatch.db"), Path.Combine(backups, "chainmatch.db") }));
        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(App.DataDirectory), Is.EqualTo(OwnerOnly | UnixFileMode.UserExecute), App.DataDirectory);
            Assert.That(File.GetUnixFileMode(backups), Is.EqualTo(OwnerOnly | UnixFileMode.UserExecute), backups);
            foreach (var file in files) Assert.That(File.GetUnixFileMode(file), Is.EqualTo(OwnerOnly), file);
        });
    }
}
