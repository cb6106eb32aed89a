using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Common;
using MissionPortal.Core.Domain.Missions;
using MissionPortal.Web.Infrastructure.Database;
using MissionPortal.Web.Infrastructure.Localization;
using MissionPortal.Web.Features.Shared;

namespace MissionPortal.Web.Features.Reports;

/// <summary>The words of a mission report, the same on the page and in the PDF.</summary>
public sealed class ReportText(IStringLocalizer<SharedResource> l, TimeProvider clock, DemoNotice demo)
{
    public string Kicker(MissionReportViewModel report) => report.IsFinal ? l["Итоги миссии"].Value : l["Справка о миссии"].Value;

    public string? Note(MissionReportViewModel report) => report.Status switch
    {
        MissionStatus.Completed => null,
        MissionStatus.Running => l["Миссия ещё идёт: встречи, выезды и круглые столы указаны по программе, контакты и соглашения — внесённые на сегодня."].Value,
        MissionStatus.Cancelled => l["Миссия отменена: встречи, выезды и круглые столы указаны по программе."].Value,
        _ => l["Миссия ещё не проведена: встречи, выезды и круглые столы указаны по программе, контакты и соглашения — внесённые на сегодня."].Value,
    };

    public IReadOnlyList<ReportFigure> Figures(MissionFigures f) =>
    [
        new(f.Companies, l["Компании"]),
        new(f.Participants, l["Участники делегации"]),
        new(f.Contacts, l["Деловые контакты"]),
        new(f.ContractsIntended, l["Намеченные контракты"]),
        new(f.AgreementsSigned, l["Подписанные соглашения"]),
        new(f.Meetings, l["Встречи"]),
        new(f.Visits, l["Выезды на предприятия"]),
        new(f.RoundTables, l["Круглые столы"]),
    ];

    public IReadOnlyList<string> Lines(MissionReportViewModel report)
    {
        var lines = new List<string>
        {
            $"{l[EnumText.Of(report.Kind)]} · {Formats.LongPeriod(report.StartDate, report.EndDate)}",
            l["Регион делегации: {0}. Принимающий регион: {1}.", report.OriginRegion, report.HostRegion],
        };
        var organizers = report.Organizers.Where(o => o.Role == OrganizerRole.Organizer).Select(o => o.Name).ToList();
        var supporters = report.Organizers.Where(o => o.Role == OrganizerRole.Supporter).Select(o => o.Name).ToList();
        if (organizers.Count > 0)
        {
            lines.Add(l["Организаторы: {0}.", string.Join(", ", organizers)]
                + (supporters.Count > 0 ? " " + l["При поддержке: {0}.", string.Join(", ", supporters)] : string.Empty));
        }

        lines.AddRange(report.Heads.Select(h => l["Глава делегации: {0}.", h].Value));
        return lines;
    }

    public IReadOnlyList<ReportBlock> Blocks(MissionReportViewModel report)
    {
        var blocks = new List<ReportBlock> { new(l["Программа"], IsHeading: true) };
        blocks.AddRange(report.Programme.Count == 0
            ? [new ReportBlock(l["В программе пока нет пунктов."])]
            : report.Programme.Select(p => new ReportBlock(p)));
        if (report.Agreements.Count > 0)
        {
            blocks.Add(new(l["Подписанные соглашения"], IsHeading: true));
            foreach (var a in report.Agreements)
            {
                blocks.Add(new(a.Title, IsBold: true));
                blocks.Add(new(AgreementLine(a)));
            }
        }

        if (report.RoundTables.Count > 0)
        {
            blocks.Add(new(l["Круглые столы и их решения"], IsHeading: true));
            foreach (var t in report.RoundTables)
            {
                blocks.Add(new(Quotes.Quote(t.Topic), IsBold: true));
                blocks.Add(new(t.Resolution is null ? l["Решение пока не внесено."] : l["Решение: {0}", t.Resolution]));
            }
        }

        return blocks;
    }

    public string AgreementLine(ReportAgreementViewModel a)
    {
        var parts = new List<string> { l["Стороны: {0}", string.Join("; ", a.Parties)] };
        if (a.Signatories.Count > 0)
        {
            parts.Add(l["Подписали: {0}", string.Join("; ", a.Signatories)]);
        }

        if (a.SignedOn is { } signedOn)
        {
            parts.Add(l["Дата подписания: {0}", Formats.LongDate(signedOn)]);
        }

        return string.Join(". ", parts.Select(p => p.TrimEnd('.'))) + ".";
    }

    public byte[] Pdf(MissionReportViewModel report) => ReportPdf.Write(new ReportPdfContent(
        Kicker(report),
        report.Title,
        Lines(report),
        Figures(report.Figures),
        Note(report),
        Blocks(report),
        demo.Prefix(l["Сформировано {0}", Formats.LongDate(HostCalendar.Today(clock))]),
        (page, pages) => l["Страница {0} из {1}", page, pages]));
}
