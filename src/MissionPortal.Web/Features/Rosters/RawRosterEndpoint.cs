using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Localization;
using Npgsql;

namespace MissionPortal.Web.Features.Rosters;

/// <summary>
/// The roster page without MVC, EF Core or Razor, for the benchmark's comparison on PostgreSQL (the way TechEmpower's
/// "platform" entries answer Fortunes): the page's own two queries as SQL text through raw Npgsql with prepared
/// commands, the same ordering and numbering, and the page's markup written by hand. The layout around the page's
/// content (header, navigation, scripts) is the constant part, as a Fortunes template's head and foot are: it is
/// taken from the saved page the benchmark compares against, so this answers that page's delegation, seen by the
/// agency, without a filter, in Russian — the same bytes, apart from the antiforgery tokens the page makes anew.
/// </summary>
public sealed class RawRosterEndpoint
{
    private const string HeaderSql =
        """
        SELECT d."Name", d."Side", d."SharesFullRoster", d."MissionId", m."Title" AS "Mission", m."StartDate", m."EndDate", p0."Id" AS "ItemId", p0."Date" AS "ItemDate", p0."Start" AS "ItemStart", p0."Kind" AS "ItemKind", p0."Title" AS "ItemTitle", v."Id" IS NOT NULL AS "IsVisit"
        FROM "Delegations" AS d
        LEFT JOIN (
            SELECT p."Id", p."Date", p."Kind", p."Start", p."Title", p."MissionId" AS "MissionId0"
            FROM "ProgrammeItems" AS p
            WHERE p."DeletedAtUtc" IS NULL
        ) AS p0 ON d."MissionId" = p0."MissionId0"
        INNER JOIN "Missions" AS m ON d."MissionId" = m."Id"
        LEFT JOIN "Visits" AS v ON p0."Id" = v."ProgrammeItemId"
        WHERE d."Id" = @delegationId
        ORDER BY p0."Date", p0."Start", p0."Id"
        """;

    private const string PeopleSql =
        """
        SELECT p."Id", p."Surname", p."GivenName", p."Patronymic", p."Position", p."OrganizationId", COALESCE(o."ShortName", o."Name") AS "Organization", p."Role", p."Status", p."ProtocolOrder", p."Version", d."Side", p."DelegationId"
        FROM "Participants" AS p
        LEFT JOIN "Organizations" AS o ON p."OrganizationId" = o."Id"
        INNER JOIN "Delegations" AS d ON p."DelegationId" = d."Id"
        WHERE p."DelegationId" = @delegationId AND (p."Status" = 2 OR (NOT (@approvedOnly) AND p."Status" = 1))
        """;

    private readonly NpgsqlDataSource source;
    private readonly HtmlEncoder encoder;
    private readonly byte[] head;
    private readonly byte[] foot;
    private readonly string shareToken;
    private readonly string orderToken;

    public RawRosterEndpoint(NpgsqlDataSource source, HtmlEncoder encoder, byte[] page)
    {
        this.source = source;
        this.encoder = encoder;
        var text = Encoding.UTF8.GetString(page);
        var start = text.IndexOf("<nav aria-label=\"breadcrumb\"", StringComparison.Ordinal);
        var end = text.LastIndexOf("\n    </main>", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("The saved page is not a roster page.");
        }

        head = Encoding.UTF8.GetBytes(text[..start]);
        foot = Encoding.UTF8.GetBytes(text[end..]);
        var tokens = Tokens(text[start..end]);
        shareToken = tokens.ElementAtOrDefault(0) ?? string.Empty;
        orderToken = tokens.ElementAtOrDefault(1) ?? shareToken;
    }

    public async Task<IResult> AnswerAsync(HttpContext context, int delegationId)
    {
        var ct = context.RequestAborted;
        await using var connection = await source.OpenConnectionAsync(ct);
        Header? header = null;
        var items = new List<(int Id, DateOnly Date, TimeOnly Start, string Title)>();
        await using (var command = new NpgsqlCommand(HeaderSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<int>("delegationId", delegationId));
            await command.PrepareAsync(ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                header ??= new Header(reader.GetString(0), reader.GetInt32(3), reader.GetString(4),
                    reader.GetFieldValue<DateOnly>(5), reader.GetFieldValue<DateOnly>(6), reader.GetBoolean(2));
                if (!reader.IsDBNull(7))
                {
                    items.Add((reader.GetInt32(7), reader.GetFieldValue<DateOnly>(8), reader.GetFieldValue<TimeOnly>(9), reader.GetString(11)));
                }
            }
        }

        if (header is null)
        {
            return Microsoft.AspNetCore.Http.Results.NotFound();
        }

        var people = new List<Line>();
        await using (var command = new NpgsqlCommand(PeopleSql, connection))
        {
            command.Parameters.Add(new NpgsqlParameter<int>("delegationId", delegationId));
            command.Parameters.Add(new NpgsqlParameter<bool>("approvedOnly", false));
            await command.PrepareAsync(ct);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var surname = reader.GetString(1);
                var given = reader.GetString(2);
                var patronymic = reader.IsDBNull(3) ? null : reader.GetString(3);
                var role = (DelegationRole)reader.GetInt32(7);
                var order = reader.GetInt32(9);
                people.Add(new Line(
                    reader.GetInt32(0), PersonName.Full(surname, given, patronymic), reader.GetString(4),
                    reader.IsDBNull(6) ? null : reader.GetString(6), role, (ParticipantStatus)reader.GetInt32(8), order,
                    reader.GetGuid(10), ProtocolKey.Of(role, order, surname, given, patronymic)));
            }
        }

        people.Sort((x, y) => ProtocolKey.Comparer.Compare(x.Key, y.Key));
        var html = Write(delegationId, header, items, people);
        context.Response.ContentType = "text/html; charset=utf-8";
        var body = context.Response.BodyWriter;
        body.Write(head);
        Encoding.UTF8.GetBytes(html, body);
        body.Write(foot);
        await body.FlushAsync(ct);
        return Microsoft.AspNetCore.Http.Results.Empty;
    }

    private string Write(int delegationId, Header header, List<(int Id, DateOnly Date, TimeOnly Start, string Title)> items, List<Line> people)
    {
        var id = delegationId.ToString(CultureInfo.InvariantCulture);
        var mission = encoder.Encode(header.Mission);
        var period = encoder.Encode(Formats.Period(header.StartDate, header.EndDate));
        var html = new StringBuilder(4096 + (people.Count * 1400));
        html.Append("<nav aria-label=\"breadcrumb\" class=\"no-print\">\n    <ol class=\"breadcrumb\">\n")
            .Append("        <li class=\"breadcrumb-item\"><a href=\"/missions\">Миссии</a></li>\n")
            .Append("        <li class=\"breadcrumb-item\"><a href=\"/missions/details/").Append(header.MissionId.ToString(CultureInfo.InvariantCulture)).Append("\">").Append(mission).Append("</a></li>\n")
            .Append("        <li class=\"breadcrumb-item active\" aria-current=\"page\">Состав делегации</li>\n    </ol>\n</nav>\n")
            .Append("<div class=\"roster-sheet\" data-testid=\"roster\">\n    <div class=\"roster-header\">\n")
            .Append("        <h1 class=\"h4 mb-1\">").Append(encoder.Encode(RosterDocuments.TitleIn("Состав делегации: " + header.Name, header.Name))).Append("</h1>\n")
            .Append("        <p class=\"mb-0\">").Append(mission).Append("</p>\n")
            .Append("        <p class=\"mb-0\">").Append(period).Append("</p>\n    </div>\n\n")
            .Append("    <form method=\"get\" class=\"row g-2 align-items-end my-3 no-print\" data-testid=\"roster-filter\" action=\"/rosters/").Append(id).Append("\">\n")
            .Append("        <div class=\"col-md-6\">\n            <label class=\"form-label\" for=\"ItemId\">Кто в списке</label>\n")
            .Append("            <select class=\"form-select\" id=\"ItemId\" name=\"ItemId\">\n                <option value=\"\">Вся делегация</option>\n");
        foreach (var day in items.GroupBy(i => i.Date))
        {
            html.Append("                    <optgroup label=\"").Append(encoder.Encode(Formats.DayHeading(day.Key))).Append("\">\n");
            foreach (var item in day)
            {
                html.Append("                            <option value=\"").Append(item.Id.ToString(CultureInfo.InvariantCulture)).Append("\">")
                    .Append(Formats.Time(item.Start)).Append(' ').Append(encoder.Encode(item.Title)).Append("</option>\n");
            }

            html.Append("                    </optgroup>\n");
        }

        html.Append("            </select>\n        </div>\n        <div class=\"col-md-4\">\n            <div class=\"form-check\">\n")
            .Append("                <input class=\"form-check-input\" type=\"checkbox\" id=\"ApprovedOnly\" name=\"ApprovedOnly\" value=\"true\" />\n")
            .Append("                <label class=\"form-check-label\" for=\"ApprovedOnly\">Только подтверждённые</label>\n            </div>\n")
            .Append("            <div class=\"form-check\">\n")
            .Append("                <input class=\"form-check-input\" type=\"checkbox\" id=\"ByOrganization\" name=\"ByOrganization\" value=\"true\" />\n")
            .Append("                <label class=\"form-check-label\" for=\"ByOrganization\">Группировать по организациям</label>\n            </div>\n        </div>\n")
            .Append("        <div class=\"col-md-2\">\n            <button type=\"submit\" class=\"btn btn-outline-primary w-100\">Показать</button>\n        </div>\n    </form>\n\n")
            .Append("    <div class=\"d-flex flex-wrap gap-2 mb-3 no-print\">\n")
            .Append("        <button type=\"button\" class=\"btn btn-primary btn-sm\" data-print>Распечатать</button>\n")
            .Append("        <a class=\"btn btn-outline-secondary btn-sm\" data-testid=\"roster-pdf\" href=\"/rosters/").Append(id).Append("/pdf\">Скачать PDF</a>\n")
            .Append("        <a class=\"btn btn-outline-secondary btn-sm\" data-testid=\"roster-xlsx\" href=\"/rosters/").Append(id).Append("/xlsx\">Excel (.xlsx)</a>\n")
            .Append("            <a class=\"btn btn-outline-secondary btn-sm\" data-testid=\"roster-badges\" href=\"/rosters/").Append(id).Append("/badges\">Бейджи (PDF)</a>\n    </div>\n")
            .Append("        <form method=\"post\" class=\"d-flex flex-wrap align-items-center gap-2 mb-3 no-print\" data-testid=\"roster-share\" action=\"/rosters/").Append(id).Append("/share\">\n")
            .Append("            <input type=\"hidden\" name=\"share\" value=\"").Append(header.SharesFullRoster ? "false" : "true").Append("\" />\n")
            .Append("            <span class=\"small\">").Append(header.SharesFullRoster ? "Компании делегации видят весь список." : "Компании делегации видят только своих сотрудников.").Append("</span>\n")
            .Append("            <button type=\"submit\" class=\"btn btn-outline-secondary btn-sm\">").Append(header.SharesFullRoster ? "Показывать компаниям только их сотрудников" : "Открыть компаниям весь список").Append("</button>\n")
            .Append("        <input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"").Append(shareToken).Append("\" /></form>\n\n")
            .Append("    <div class=\"no-print\"></div>\n\n")
            .Append("        <form method=\"post\" id=\"order-form\" data-testid=\"order-form\" action=\"/rosters/").Append(id).Append("/order\"><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"").Append(orderToken).Append("\" /></form>\n")
            .Append("    <div class=\"table-responsive\" tabindex=\"0\" role=\"region\" aria-label=\"").Append(encoder.Encode(RosterDocuments.TitleIn("Состав делегации: " + header.Name, header.Name))).Append("\">\n")
            .Append("        <table class=\"table table-sm table-bordered table-roster bg-white\" data-testid=\"roster-table\">\n            <colgroup>\n")
            .Append("                <col class=\"col-number\" /><col class=\"col-name\" /><col class=\"col-position\" /><col class=\"col-org\" />\n")
            .Append("                    <col class=\"col-order no-print\" />\n            </colgroup>\n            <thead>\n")
            .Append("                <tr class=\"print-only roster-running-head\" aria-hidden=\"true\">\n    <td colspan=\"5\" class=\"data\">")
            .Append(encoder.Encode("Состав делегации · " + header.Name + " · " + header.Mission + " · " + Formats.Period(header.StartDate, header.EndDate)))
            .Append("</td>\n</tr>\n\n                <tr>\n")
            .Append("                    <th class=\"col-number\">№</th>\n                    <th class=\"col-name\">Фамилия, имя, отчество</th>\n")
            .Append("                    <th class=\"col-position\">Должность</th>\n                    <th class=\"col-org\">Организация</th>\n")
            .Append("                        <th class=\"no-print col-order\">Порядок</th>\n                </tr>\n            </thead>\n            <tbody>\n");
        if (people.Count == 0)
        {
            html.Append("                    <tr><td colspan=\"5\" class=\"text-muted\">В списке никого нет.</td></tr>\n");
        }

        for (var i = 0; i < people.Count; i++)
        {
            var line = people[i];
            var index = i.ToString(CultureInfo.InvariantCulture);
            var participant = line.Id.ToString(CultureInfo.InvariantCulture);
            var name = encoder.Encode(line.FullName);
            html.Append("                        <tr data-testid=\"roster-row\">\n                            <td class=\"col-number\" data-label=\"№\">").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("</td>\n")
                .Append("                            <td class=\"col-name\" data-label=\"Фамилия, имя, отчество\">\n                                ").Append(name).Append('\n');
            if (line.Role == DelegationRole.Head)
            {
                html.Append("                                    <span class=\"badge text-bg-primary ms-1 no-print\">Глава делегации</span>\n");
            }

            if (line.Status != ParticipantStatus.Approved)
            {
                html.Append("                                    <span class=\"badge text-bg-warning ms-1 no-print\">").Append(encoder.Encode(EnumText.Of(line.Status))).Append("</span>\n");
            }

            html.Append("                            </td>\n                            <td data-label=\"Должность\">").Append(encoder.Encode(line.Position)).Append("</td>\n")
                .Append("                            <td data-label=\"Организация\">").Append(encoder.Encode(line.Organization ?? string.Empty)).Append("</td>\n")
                .Append("                                <td class=\"no-print col-order\" data-label=\"Порядок\">\n")
                .Append("                                    <input type=\"hidden\" form=\"order-form\" name=\"People[").Append(index).Append("].ParticipantId\" value=\"").Append(participant).Append("\" />\n")
                .Append("                                    <input type=\"hidden\" form=\"order-form\" name=\"People[").Append(index).Append("].Version\" value=\"").Append(line.Version.ToString()).Append("\" />\n")
                .Append("                                    <label class=\"visually-hidden\" for=\"order-").Append(participant).Append("\">Порядковый номер <span class=\"data\">").Append(name).Append("</span></label>\n")
                .Append("                                    <input class=\"form-control form-control-sm\" form=\"order-form\" type=\"number\" min=\"1\" max=\"9999\" id=\"order-").Append(participant).Append("\"\n")
                .Append("                                           name=\"People[").Append(index).Append("].Order\" value=\"").Append(line.Order.ToString(CultureInfo.InvariantCulture)).Append("\" />\n")
                .Append("                                </td>\n                        </tr>\n");
        }

        html.Append("            </tbody>\n        </table>\n    </div>\n        <div class=\"d-flex flex-wrap align-items-center gap-3 no-print\">\n")
            .Append("            <button type=\"submit\" form=\"order-form\" class=\"btn btn-primary btn-sm\" data-testid=\"order-save\">Сохранить порядок</button>\n")
            .Append("            <span class=\"small text-muted\">Меньший номер — выше в списке; глава делегации всегда первый, при равных номерах — по алфавиту.</span>\n        </div>\n")
            .Append("    <p class=\"small text-muted print-only\">Всего: ").Append(people.Count.ToString(CultureInfo.InvariantCulture)).Append("</p>\n</div>\n");
        return html.ToString();
    }

    private static List<string> Tokens(string content)
    {
        const string Marker = "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"";
        var tokens = new List<string>();
        for (var at = content.IndexOf(Marker, StringComparison.Ordinal); at >= 0; at = content.IndexOf(Marker, at + 1, StringComparison.Ordinal))
        {
            var from = at + Marker.Length;
            tokens.Add(content[from..content.IndexOf('"', from)]);
        }

        return tokens;
    }

    private sealed record Header(string Name, int MissionId, string Mission, DateOnly StartDate, DateOnly EndDate, bool SharesFullRoster);

    private sealed record Line(int Id, string FullName, string Position, string? Organization, DelegationRole Role, ParticipantStatus Status, int Order, Guid Version, ProtocolKey Key);
}
