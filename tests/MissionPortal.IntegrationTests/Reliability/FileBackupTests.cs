using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;
using SkiaSharp;

namespace MissionPortal.IntegrationTests.Reliability;

/// <summary>
/// <c>backup PATH</c> and <c>restore PATH</c> run as an operator runs them, on a portal whose files were uploaded
/// through its pages: the archive holds the database snapshot (SQLite) and every stored file, a restore into an empty
/// folder gives a portal that serves them, and a bad archive is refused in one line with nothing written.
/// </summary>
public sealed class FileBackupTests(FileDatabasePortalFactory factory) : IClassFixture<FileDatabasePortalFactory>, IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "missionportal-backup", Guid.NewGuid().ToString("N"));

    private string Archive => Path.Combine(_root, "backup.zip");

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(40, 30);
        bitmap.Erase(SKColors.DarkOliveGreen);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private static byte[] Pdf(string marker) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n% {marker}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF");

    /// <summary>The options that point a command at this portal's database (and at <paramref name="dataPath"/>).</summary>
    private string[] PortalOptions(string dataPath) => TestDatabase.IsPostgreSql
        ? [$"--Storage:DataPath={dataPath}", "--Database:Provider=PostgreSql", $"--ConnectionStrings:PostgreSql={factory.ConnectionString}"]
        : [$"--Storage:DataPath={dataPath}", $"--ConnectionStrings:Sqlite=Data Source={factory.DatabaseFile}"];

    /// <summary>The options of a restore into <paramref name="dataPath"/>: SQLite's database goes into that folder.</summary>
    private string[] RestoreOptions(string dataPath) => TestDatabase.IsPostgreSql
        ? PortalOptions(dataPath)
        : [$"--Storage:DataPath={dataPath}"];

    private static Task<(int ExitCode, string Output)> RunAsync(string command, string path, params string[] options) =>
        BackupTests.RunPortalAsync([command, path, .. options]);

    /// <summary>A product with a photo and a brochure uploaded by the demo company, and the seed agreement's signed text by the agency.</summary>
    private async Task<(StoredFile Image, StoredFile Brochure, StoredFile Agreement)> UploadAsync(string productName)
    {
        var company = factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var token = await company.AntiforgeryTokenAsync("/products");
        using (var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(productName), "Name" },
            { new StringContent("Электроника"), "Category" },
            { new StringContent("Контроллеры для промышленной автоматики"), "Description" },
            { new StringContent("26.51.66"), "Okpd2Code" },
        })
        {
            var image = new ByteArrayContent(Png());
            image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(image, "Images", "фото.png");
            var brochure = new ByteArrayContent(Pdf(productName));
            brochure.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(brochure, "Brochure", "буклет.pdf");
            using var created = await company.PostAsync("/products/new", form);
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        var agency = factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var agreement = await factory.QueryAsync(db => db.Agreements.Where(a => a.Title == DemoData.PetersburgAgreementTitle).Select(a => a.Id).SingleAsync());
        var agreementToken = await agency.AntiforgeryTokenAsync($"/agreements/{agreement}");
        using (var form = new MultipartFormDataContent { { new StringContent(agreementToken), "__RequestVerificationToken" } })
        {
            var document = new ByteArrayContent(Pdf("agreement " + productName));
            document.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(document, "document", "Соглашение.pdf");
            using var uploaded = await agency.PostAsync($"/agreements/{agreement}/document", form);
            Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        }

        var files = await factory.QueryAsync(db => db.StoredFiles
            .Where(f => db.Products.Any(p => p.Id == f.ProductId && p.Name == productName) || f.AgreementId == agreement).ToListAsync());
        return (files.Single(f => f.Kind == StoredFileKind.ProductImage), files.Single(f => f.Kind == StoredFileKind.Brochure),
            files.Single(f => f.Kind == StoredFileKind.AgreementDocument));
    }

    [Fact]
    public async Task A_restore_into_an_empty_folder_brings_back_the_database_and_every_uploaded_file_and_the_portal_serves_them()
    {
        var (image, brochure, agreement) = await UploadAsync("Контроллер КП-9");
        var files = Path.Combine(factory.DataPath, "files");

        var (backupExit, backupOutput) = await RunAsync("backup", Archive, PortalOptions(factory.DataPath));

        Assert.True(backupExit == 0, backupOutput);
        Assert.Contains(TestDatabase.IsPostgreSql ? "pg_dump" : "integrity ok", backupOutput, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_root, "*.partial*"));
        using (var zip = ZipFile.OpenRead(Archive))
        {
            var manifest = JsonNode.Parse(zip.GetEntry("manifest.json")!.Open())!;
            Assert.Equal(TestDatabase.IsPostgreSql ? "PostgreSql" : "Sqlite", (string?)manifest["provider"]);
            Assert.False(string.IsNullOrEmpty((string?)manifest["portalVersion"]));
            Assert.Equal(TestDatabase.IsPostgreSql, zip.GetEntry("database/missionportal.db") is null);
            var listed = manifest["files"]!.AsArray().ToDictionary(f => (string)f!["name"]!, f => ((long)f!["size"]!, (string)f!["sha256"]!));
            foreach (var name in new[] { image.StoredName, image.ThumbnailName, brochure.StoredName, agreement.StoredName })
            {
                var bytes = await File.ReadAllBytesAsync(Path.Combine(files, name));
                Assert.Equal((bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes))), listed[name]);
                await using var entry = zip.GetEntry("files/" + name)!.Open();
                using var copy = new MemoryStream();
                await entry.CopyToAsync(copy);
                Assert.Equal(bytes, copy.ToArray());
            }

            Assert.Equal(Directory.GetFiles(files).Length, listed.Count);
        }

        var restoredFolder = Path.Combine(_root, "restored");
        var (restoreExit, restoreOutput) = await RunAsync("restore", Archive, RestoreOptions(restoredFolder));

        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Equal(TestDatabase.IsPostgreSql, !File.Exists(Path.Combine(restoredFolder, "missionportal.db")));
        Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(files, agreement.StoredName)), await File.ReadAllBytesAsync(Path.Combine(restoredFolder, "files", agreement.StoredName)));

        // A second restore would replace what is there now: refused unless asked, and nothing is touched.
        var (againExit, againOutput) = await RunAsync("restore", Archive, RestoreOptions(restoredFolder));
        Assert.Equal(1, againExit);
        Assert.Contains("is not empty", againOutput, StringComparison.Ordinal);
        Assert.Contains("--force", againOutput, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', againOutput.Trim());
        Assert.Equal(Directory.GetFiles(files).Length, Directory.GetFiles(Path.Combine(restoredFolder, "files")).Length);

        // The portal started on the restored folder serves the files uploaded before the backup.
        using var restored = new RestoredPortalFactory(restoredFolder, TestDatabase.IsPostgreSql ? factory.ConnectionString : null);
        var company = restored.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        using (var served = await company.GetAsync($"/files/{image.Id}"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(Png(), await served.Content.ReadAsByteArrayAsync());
        }

        using (var thumbnail = await company.GetAsync($"/files/{image.Id}?thumbnail=true"))
        {
            Assert.Equal("image/jpeg", thumbnail.Content.Headers.ContentType!.MediaType);
        }

        var agency = restored.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        using var document = await agency.GetAsync($"/agreements/{agreement.AgreementId}/document");
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(Pdf("agreement Контроллер КП-9"), await document.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_bad_archive_is_refused_in_one_line_and_the_data_folder_stays_empty()
    {
        var (image, _, _) = await UploadAsync("Контроллер КП-10");
        var (backupExit, backupOutput) = await RunAsync("backup", Archive, PortalOptions(factory.DataPath));
        Assert.True(backupExit == 0, backupOutput);
        var good = await File.ReadAllBytesAsync(Archive);

        var notAnArchive = Path.Combine(_root, "notes.zip");
        await File.WriteAllTextAsync(notAnArchive, "Это не архив, а заметки.");
        var truncated = Path.Combine(_root, "truncated.zip");
        await File.WriteAllBytesAsync(truncated, good[..(good.Length / 2)]);
        var withoutImage = Path.Combine(_root, "without-image.zip");
        Rewrite(Archive, withoutImage, image.StoredName, drop: true);
        var tampered = Path.Combine(_root, "tampered.zip");
        Rewrite(Archive, tampered, image.StoredName, drop: false);

        var cases = new (string Archive, string Message)[]
        {
            (Path.Combine(_root, "nowhere.zip"), "No backup at"),
            (notAnArchive, "is not a portal backup: not a complete zip archive"),
            (truncated, "is not a portal backup: not a complete zip archive"),
            (withoutImage, $"the database references 1 file(s) the backup lacks: {image.StoredName}"),
            (tampered, $"is damaged: files/{image.StoredName} does not match the size and SHA-256"),
        };
        foreach (var (archive, message) in cases)
        {
            var folder = Path.Combine(_root, "target-" + Path.GetFileNameWithoutExtension(archive));
            var (exitCode, output) = await RunAsync("restore", archive, RestoreOptions(folder));

            Assert.True(exitCode == 1, $"{archive}: {exitCode} {output}");
            Assert.Contains(message, output, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', output.Trim());
            Assert.True(!Directory.Exists(folder) || Directory.GetFileSystemEntries(folder).Length == 0, $"{archive}: something was written");
        }

        // Told to, a restore replaces a folder's database and files and keeps what else is there.
        var used = Path.Combine(_root, "used");
        Directory.CreateDirectory(Path.Combine(used, "files"));
        await File.WriteAllTextAsync(Path.Combine(used, "files", "stale"), "old");
        await File.WriteAllTextAsync(Path.Combine(used, "keep.txt"), "operator's note");
        var (forcedExit, forcedOutput) = await RunAsync("restore", Archive, [.. RestoreOptions(used), "--force"]);
        Assert.True(forcedExit == 0, forcedOutput);
        Assert.False(File.Exists(Path.Combine(used, "files", "stale")));
        Assert.True(File.Exists(Path.Combine(used, "files", image.StoredName)));
        Assert.True(File.Exists(Path.Combine(used, "keep.txt")));
    }

    /// <summary>
    /// A copy of <paramref name="source"/> whose file <paramref name="name"/> is left out together with its manifest line
    /// (<paramref name="drop"/>), or has one byte changed behind its recorded checksum.
    /// </summary>
    private static void Rewrite(string source, string target, string name, bool drop)
    {
        using var from = ZipFile.OpenRead(source);
        using var to = ZipFile.Open(target, ZipArchiveMode.Create);
        foreach (var entry in from.Entries)
        {
            using var read = entry.Open();
            using var bytes = new MemoryStream();
            read.CopyTo(bytes);
            var content = bytes.ToArray();
            if (entry.FullName == "files/" + name)
            {
                if (drop)
                {
                    continue;
                }

                content[^1] ^= 0xFF;
            }
            else if (entry.FullName == "manifest.json" && drop)
            {
                var manifest = JsonNode.Parse(content)!;
                var list = manifest["files"]!.AsArray();
                list.Remove(list.Single(f => (string)f!["name"]! == name));
                content = JsonSerializer.SerializeToUtf8Bytes(manifest);
            }

            using var write = to.CreateEntry(entry.FullName).Open();
            write.Write(content);
        }
    }

    private sealed class RestoredPortalFactory(string dataFolder, string? postgreSql) : PortalFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Storage:DataPath", dataFolder);
            if (postgreSql is null)
            {
                builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(dataFolder, "missionportal.db")}");
            }
            else
            {
                builder.UseSetting("ConnectionStrings:PostgreSql", postgreSql);
            }
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // a log file still held open by a closing host: the temp folder is cleaned later
        }
    }
}
