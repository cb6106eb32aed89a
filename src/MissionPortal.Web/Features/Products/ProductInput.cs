using FluentValidation;
using Microsoft.Extensions.Localization;

namespace MissionPortal.Web.Features.Products;

public sealed class ProductInput
{
    public string? Name { get; set; }

    public string? Category { get; set; }

    public string? Description { get; set; }

    public string? Okpd2Code { get; set; }

    public string? SupplyTerms { get; set; }

    public List<IFormFile> Images { get; set; } = [];

    public IFormFile? Brochure { get; set; }

    public Guid? Version { get; set; }
}

public sealed class ProductInputValidator : AbstractValidator<ProductInput>
{
    public ProductInputValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(l["Укажите название."]).MaximumLength(300).WithMessage(l["Название не длиннее {0} символов.", 300]);
        RuleFor(x => x.Category).NotEmpty().WithMessage(l["Укажите категорию."]).MaximumLength(200).WithMessage(l["Категория не длиннее {0} символов.", 200]);
        RuleFor(x => x.Description).NotEmpty().WithMessage(l["Опишите продукцию."]).MaximumLength(4000).WithMessage(l["Описание не длиннее {0} символов.", 4000]);
        RuleFor(x => x.Okpd2Code)
            .Matches(@"^\d{2}(\.\d{1,2}){0,3}(\.\d{3})?$").When(x => !string.IsNullOrWhiteSpace(x.Okpd2Code))
            .WithMessage(l["Код ОКПД2 записывается цифрами с точками, например 26.51.66."]);
        RuleFor(x => x.SupplyTerms).MaximumLength(2000).WithMessage(l["Условия поставки не длиннее {0} символов.", 2000]);
        RuleFor(x => x.Images).Must(images => images.Count <= 10).WithMessage(l["Не больше 10 изображений за раз."]);
    }
}
