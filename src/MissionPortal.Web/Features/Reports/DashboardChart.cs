using MissionPortal.Web.Features.Shared;
namespace MissionPortal.Web.Features.Reports;

/// <summary>
/// Lays out the dashboard's charts on the server: one small horizontal bar chart per figure, a bar per mission
/// (numbered as in the table), each chart scaled to its own largest value. The view draws them as inline SVG.
/// </summary>
public static class DashboardChart
{
    public const double Width = 320;
    public const double LabelWidth = 28;
    public const double ValueWidth = 40;
    public const double BarHeight = 16;
    public const double RowHeight = 24;
    public const double Top = 6;

    public static double BarSpace => Width - LabelWidth - ValueWidth;

    private static readonly (string Label, Func<MissionFigures, int> Value, string Fill)[] Figures =
    [
        ("Компании", f => f.Companies, "#0d6efd"),
        ("Участники", f => f.Participants, "#6610f2"),
        ("Деловые контакты", f => f.Contacts, "#198754"),
        ("Подписанные соглашения", f => f.AgreementsSigned, "#b02a37"),
        ("Встречи", f => f.Meetings, "#fd7e14"),
        ("Выезды на предприятия", f => f.Visits, "#0aa2c0"),
        ("Круглые столы", f => f.RoundTables, "#6c757d"),
    ];

    public static IReadOnlyList<ChartPanel> Panels(IReadOnlyList<DashboardMissionViewModel> missions, Func<string, string> label) =>
        Figures.Select(figure =>
        {
            var max = Math.Max(1, missions.Select(m => figure.Value(m.Figures)).DefaultIfEmpty(0).Max());
            var bars = missions.Select((m, i) =>
            {
                var value = figure.Value(m.Figures);
                return new ChartBar(m.Number, m.Title, value, Math.Round(BarSpace * value / max, 1), Top + (i * RowHeight));
            }).ToList();
            return new ChartPanel(label(figure.Label), bars, Top + (Math.Max(1, bars.Count) * RowHeight) + 4, figure.Fill);
        }).ToList();
}
