using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Common;

namespace MissionPortal.Web.Infrastructure.Localization;

/// <summary>
/// The portal's strings as they are shown: a name that brings its own quotes into «{0}» gets „…“ inside
/// («Соглашение „О сотрудничестве“», not «Соглашение «О сотрудничестве»»), and a number keeps its unit on its line
/// («20 мин», «2026 г.»). Every text of the interface and of the letters goes through it.
/// </summary>
public sealed class TypesetLocalizer(IStringLocalizerFactory factory) : IStringLocalizer<SharedResource>
{
    private readonly IStringLocalizer _inner = factory.Create(typeof(SharedResource));

    public LocalizedString this[string name] => Typeset(_inner[name]);

    /// <summary>
    /// The template is typeset before the arguments go in, so what a person typed («0,9 %», a phone number) is shown
    /// as typed; the quotes are nested after, since a name brings its own.
    /// </summary>
    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var template = _inner[name];
            var text = string.Format(System.Globalization.CultureInfo.CurrentCulture, Formats.Typeset(template.Value), arguments);
            return new LocalizedString(name, Quotes.Nest(text), template.ResourceNotFound, template.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _inner.GetAllStrings(includeParentCultures);

    /// <summary>The text with quotes nested and numbers held to their units.</summary>
    public static string Typeset(string text) => Formats.Typeset(Quotes.Nest(text));

    private static LocalizedString Typeset(LocalizedString s) => new(s.Name, Typeset(s.Value), s.ResourceNotFound, s.SearchedLocation);
}
