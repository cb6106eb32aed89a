using System.Buffers.Binary;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using MissionPortal.Core.Data.Demo;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.IntegrationTests.Infrastructure;
using MissionPortal.Web.Infrastructure.Database;

namespace MissionPortal.IntegrationTests.Security;

/// <summary>
/// Files are measured before they are decoded: an image's sides from its header, an .xlsx's parts by what they unpack
/// to, its rows (empty ones too) and cells as they are read. Only an approved company uploads at all.
/// </summary>
public class UploadLimitTests : IDisposable
{
    private readonly PortalFactory _factory = new();

    public void Dispose()
    {
        _factory.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_small_PNG_of_16000_by_16000_pixels_is_refused_without_being_stored()
    {
        var bomb = GrayPng(16_000, 16_000);
        Assert.True(bomb.Length < 1024 * 1024, $"the PNG is {bomb.Length} bytes");
        var company = _factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var before = await _factory.QueryAsync(db => db.StoredFiles.CountAsync());

        using var response = await PostProductAsync(company, ("Images", "огромное.png", bomb, "image/png"));

        Assert.Contains("Изображение «огромное.png» слишком большое: не больше 12000 пикселей по стороне и 50 мегапикселей.", Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.QueryAsync(db => db.StoredFiles.CountAsync()));
        Assert.False(Directory.Exists(Path.Combine(_factory.DataPath, "files")) && Directory.EnumerateFiles(Path.Combine(_factory.DataPath, "files")).Any());
    }

    [Fact]
    public async Task A_PNG_within_the_sides_but_over_the_decode_cap_is_refused_and_an_ordinary_one_is_kept()
    {
        var company = _factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        using var wide = await PostProductAsync(company, ("Images", "wide.png", GrayPng(5000, 5000), "image/png"));
        using var ordinary = await PostProductAsync(company, ("Images", "photo.png", GrayPng(1200, 800), "image/png"));

        Assert.Contains("Изображение «wide.png» слишком большое", Text(await wide.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, ordinary.StatusCode);
        Assert.Equal(1, await _factory.QueryAsync(db => db.StoredFiles.CountAsync(f => f.OriginalName == "photo.png" && f.HasThumbnail)));
    }

    [Fact]
    public async Task A_company_awaiting_approval_cannot_upload()
    {
        await _factory.QueryAsync(db => db.Organizations.Where(o => o.Name == DemoData.FirstKalugaCompanyName)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrganizationStatus.Pending)));
        var company = _factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);
        var before = await _factory.QueryAsync(db => db.StoredFiles.CountAsync());

        using var response = await PostProductAsync(company, ("Images", "photo.png", GrayPng(40, 40), "image/png"));

        Assert.Contains("Файлы можно загружать после того, как агентство подтвердит компанию.", Text(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, await _factory.QueryAsync(db => db.StoredFiles.CountAsync()));
    }

    [Fact]
    public async Task An_uploaded_file_keeps_a_safe_name_with_its_real_type()
    {
        var company = _factory.CreatePortalClient();
        await company.LoginAsAsync(DemoOptions.CompanyEmail);

        using var response = await PostProductAsync(company, ("Images", "../отчёт<b>|.html", GrayPng(30, 30), "image/png"));

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var file = await _factory.QueryAsync(db => db.StoredFiles.OrderByDescending(f => f.CreatedAtUtc).Select(f => new { f.Id, f.OriginalName }).FirstAsync());
        Assert.Equal("отчёт_b.png", file.OriginalName);
        using var served = await company.GetAsync($"/files/{file.Id}");
        Assert.Equal("отчёт_b.png", served.Content.Headers.ContentDisposition!.FileNameStar);
    }

    [Fact]
    public async Task An_xlsx_whose_cell_unpacks_to_20_MB_is_refused_before_it_is_read()
    {
        var bomb = XlsxWithSheet(Row(1, "Фамилия", "Имя", "Должность") + Row(2, new string('a', 20 * 1024 * 1024), "Иван", "Директор"));
        Assert.True(bomb.Length < 300 * 1024, $"the xlsx is {bomb.Length} bytes");

        var error = await ImportErrorAsync("бомба.xlsx", bomb);

        Assert.Equal("Файл слишком велик после распаковки или повреждён: загрузите обычную таблицу .xlsx или .csv.", error);
    }

    [Fact]
    public async Task A_cell_over_1000_characters_is_refused()
    {
        var file = XlsxWithSheet(Row(1, "Фамилия", "Имя", "Должность") + Row(2, "Иванов", "Иван", new string('д', 5000)));

        Assert.Equal("В строке 2 значение длиннее 1000 знаков.", await ImportErrorAsync("длинная.xlsx", file));
    }

    [Fact]
    public async Task Empty_rows_count_towards_the_row_limit()
    {
        // One person on row 100000: every row between is read as an empty one.
        var file = XlsxWithSheet(Row(1, "Фамилия", "Имя", "Должность") + Row(100_000, "Иванов", "Иван", "Директор"));

        Assert.Equal("В файле больше 2000 строк.", await ImportErrorAsync("пустые.xlsx", file));
    }

    private async Task<string?> ImportErrorAsync(string fileName, byte[] content)
    {
        var mission = await _factory.QueryAsync(db => db.Missions.Where(m => m.Title == DemoData.KalugaMissionTitle).Select(m => m.Id).SingleAsync());
        var agency = _factory.CreatePortalClient();
        await agency.LoginAsAsync(DemoOptions.AgencyEmail);
        var url = $"/missions/{mission}/import";
        var token = await agency.AntiforgeryTokenAsync(url);
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        using var response = await agency.PostAsync(url, form);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector("[data-testid=import-error]")?.TextContent.Trim();
    }

    private static string Row(int number, params string[] cells) =>
        $"<row r=\"{number}\">" + string.Concat(cells.Select((c, i) => $"<c r=\"{(char)('A' + i)}{number}\" t=\"inlineStr\"><is><t>{c}</t></is></c>")) + "</row>";

    /// <summary>An .xlsx written by MiniExcel whose sheet is replaced with <paramref name="rows"/>.</summary>
    private static byte[] XlsxWithSheet(string rows)
    {
        using var plain = new MemoryStream();
        plain.SaveAs(new[] { new Dictionary<string, object> { ["Фамилия"] = "x" } });
        var source = new ZipArchive(new MemoryStream(plain.ToArray()), ZipArchiveMode.Read);
        using var result = new MemoryStream();
        using (var target = new ZipArchive(result, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName, CompressionLevel.SmallestSize);
                using var to = copy.Open();
                if (entry.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal))
                {
                    to.Write(Encoding.UTF8.GetBytes(
                        "<?xml version=\"1.0\" encoding=\"utf-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                        + rows + "</sheetData></worksheet>"));
                }
                else
                {
                    using var from = entry.Open();
                    from.CopyTo(to);
                }
            }
        }

        return result.ToArray();
    }

    /// <summary>A valid 8-bit grey PNG of the given size, all black: a few hundred kilobytes whatever its pixels.</summary>
    public static byte[] GrayPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth; colour type 0 (grey), deflate, no filter, no interlace
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var line = new byte[width + 1];
                for (var y = 0; y < height; y++)
                {
                    zlib.Write(line);
                }
            }

            Chunk(png, "IDAT", data.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }

    private static string Text(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent;

    private static async Task<HttpResponseMessage> PostProductAsync(HttpClient client, params (string Field, string FileName, byte[] Bytes, string Type)[] files)
    {
        var token = await client.AntiforgeryTokenAsync("/products");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Контроллер " + Guid.NewGuid().ToString("N")[..6]), "Name" },
            { new StringContent("Электроника"), "Category" },
            { new StringContent("Контроллеры для промышленной автоматики"), "Description" },
            { new StringContent("26.51.66"), "Okpd2Code" },
        };
        foreach (var (field, fileName, bytes, type) in files)
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(type);
            form.Add(content, field, fileName);
        }

        return await client.PostAsync("/products/new", form);
    }
}
