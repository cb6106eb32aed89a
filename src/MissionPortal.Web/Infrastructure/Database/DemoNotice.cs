using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace MissionPortal.Web.Infrastructure.Database;

/// <summary>
/// What a page or a file made in demo mode says about its data: the banner of every page, a line in every PDF,
/// a row in every .xlsx sheet and a note in every .ics calendar. Outside demo mode it says nothing.
/// </summary>
public sealed class DemoNotice(IOptions<DemoOptions> options, IStringLocalizer<SharedResource> l)
{
    public bool Enabled => options.Value.Enabled;

    /// <summary>«Демонстрационные данные», or null outside demo mode.</summary>
    public string? Label => Enabled ? l["Демонстрационные данные"].Value : null;

    /// <summary>The one sentence files carry under the label.</summary>
    public string? Sentence => Enabled
        ? l["Демонстрационные данные: сведения из сообщений прессы дополнены примерами, отмеченными словом «пример»."].Value
        : null;

    /// <summary>
    /// A calendar event's description with the sentence after it in demo mode (calendar apps show the description,
    /// not the calendar's name); the description itself otherwise.
    /// </summary>
    public string? Append(string? description) =>
        Sentence is not { } note ? description
        : string.IsNullOrWhiteSpace(description) ? note
        : $"{description}\n\n{note}";

    /// <summary>The text with «Демонстрационные данные · » before it in demo mode, the text itself otherwise.</summary>
    public string Prefix(string text) => Enabled ? $"{Label} · {text}" : text;
}
