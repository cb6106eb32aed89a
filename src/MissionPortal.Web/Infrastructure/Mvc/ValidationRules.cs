using FluentValidation;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Domain.Organizations;

namespace MissionPortal.Web.Infrastructure.Mvc;

/// <summary>Rules several forms share, each with its message in the user's language.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string?> ValidInn<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(LegalIdentifiers.IsValidInn)
            .WithMessage(l["Введите ИНН: 10 цифр для организации или 12 для ИП; проверьте контрольные цифры."]);

    /// <summary>ОГРН for an organisation, ОГРНИП when the ИНН is an individual entrepreneur's (12 digits).</summary>
    public static IRuleBuilderOptions<T, string?> ValidOgrnFor<T>(this IRuleBuilder<T, string?> rule, Func<T, string?> inn, IStringLocalizer l) =>
        rule.Must((input, ogrn) => inn(input)?.Length == 12 ? LegalIdentifiers.IsValidOgrnip(ogrn) : LegalIdentifiers.IsValidOgrn(ogrn))
            .WithMessage((input, _) => inn(input)?.Length == 12
                ? l["Введите ОГРНИП: 15 цифр; проверьте контрольную цифру."]
                : l["Введите ОГРН: 13 цифр; проверьте контрольную цифру."]);

    public static IRuleBuilderOptions<T, string?> OptionalWebsite<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.MaximumLength(300).WithMessage(l["Сократите адрес сайта до {0} символов.", 300])
            .Must(site => string.IsNullOrWhiteSpace(site) || (Uri.TryCreate(site.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            .WithMessage(l["Адрес сайта должен начинаться с http:// или https://."]);

    public static IRuleBuilderOptions<T, string?> OptionalRussianPhone<T>(this IRuleBuilder<T, string?> rule, IStringLocalizer l) =>
        rule.Must(phone => string.IsNullOrWhiteSpace(phone) || LegalIdentifiers.NormalizePhone(phone) is not null)
            .WithMessage(l["Телефон укажите в российском формате, например +7 391 222-33-44."]);
}
