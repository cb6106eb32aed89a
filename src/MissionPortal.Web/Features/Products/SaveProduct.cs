using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MissionPortal.Core.Data;
using MissionPortal.Core.Domain.Organizations;
using MissionPortal.Web.Infrastructure.Files;
using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Products;

/// <summary>Adds a product to a company or edits one: its card, then the images and brochure uploaded with it.</summary>
public static class SaveProduct
{
    public sealed class Input
    {
        public string? Name { get; set; }

        public string? Category { get; set; }

        public string? Description { get; set; }

        public string? Okpd2Code { get; set; }

        public string? SupplyTerms { get; set; }

        public List<IFormFile> Images { get; set; } = [];

        public IFormFile? Brochure { get; set; }

        public Guid? Version { get; set; }

        public static Input From(Product p) => new()
        {
            Name = p.Name, Category = p.Category, Description = p.Description, Okpd2Code = p.Okpd2Code, SupplyTerms = p.SupplyTerms, Version = p.Version,
        };
    }

    public sealed class Validator : AbstractValidator<Input>
    {
        public Validator(IStringLocalizer<SharedResource> l)
        {
            RuleFor(x => x.Name).NotEmpty().WithMessage(l["Укажите название."]).MaximumLength(300).WithMessage(l["Сократите название до {0} символов.", 300]);
            RuleFor(x => x.Category).NotEmpty().WithMessage(l["Укажите категорию."]).MaximumLength(200).WithMessage(l["Сократите категорию до {0} символов.", 200]);
            RuleFor(x => x.Description).NotEmpty().WithMessage(l["Опишите продукцию."]).MaximumLength(4000).WithMessage(l["Сократите описание до {0} символов.", 4000]);
            RuleFor(x => x.Okpd2Code)
                .Matches(@"^\d{2}(\.\d{1,2}){0,3}(\.\d{3})?$").When(x => !string.IsNullOrWhiteSpace(x.Okpd2Code))
                .WithMessage(l["Код ОКПД2 записывается цифрами с точками, например 26.51.66."]);
            RuleFor(x => x.SupplyTerms).MaximumLength(2000).WithMessage(l["Сократите условия поставки до {0} символов.", 2000]);
            RuleFor(x => x.Images).Must(images => images.Count <= 10).WithMessage(l["Не больше 10 изображений за раз."]);
        }
    }

    public enum Outcome
    {
        Saved,

        /// <summary>An upload was refused (see the errors); a new product is not kept, an edited card is.</summary>
        UploadRefused,

        /// <summary>Someone else saved the card first; nothing was written.</summary>
        Stale,
    }

    /// <summary>A refused upload, under the form field it came from.</summary>
    public sealed record UploadError(string Field, string Message);

    public sealed record Result(Outcome Outcome, Product Product, IReadOnlyList<UploadError> Errors);

    public sealed class Handler(PortalDbContext db, FileStore files)
    {
        /// <summary>Adds a valid input to the company's products; if an upload is refused the product is taken away again.</summary>
        public async Task<Result> CreateAsync(int companyId, Input input, CancellationToken ct)
        {
            var company = await db.Organizations.SingleAsync(o => o.Id == companyId, ct);
            var product = company.AddProduct(input.Name!.Trim(), input.Category!.Trim(), input.Description!.Trim(), FormText.Blank(input.Okpd2Code), FormText.Blank(input.SupplyTerms));
            await db.SaveChangesAsync(ct);
            var errors = await StoreUploadsAsync(product, input, ct);
            if (errors.Count > 0)
            {
                db.Products.Remove(product);
                await db.SaveChangesAsync(ct);
                return new Result(Outcome.UploadRefused, product, errors);
            }

            return new Result(Outcome.Saved, product, []);
        }

        /// <summary>Saves a valid input over the card the form was opened on (the version it carries), then stores the uploads.</summary>
        public async Task<Result> EditAsync(Product product, Input input, CancellationToken ct)
        {
            db.ExpectVersion(product, input.Version);
            product.Update(input.Name!.Trim(), input.Category!.Trim(), input.Description!.Trim(), FormText.Blank(input.Okpd2Code), FormText.Blank(input.SupplyTerms));
            if (!await db.TrySaveAsync(ct))
            {
                return new Result(Outcome.Stale, product, []);
            }

            var errors = await StoreUploadsAsync(product, input, ct);
            return new Result(errors.Count > 0 ? Outcome.UploadRefused : Outcome.Saved, product, errors);
        }

        /// <summary>Stores all the uploads or none: a new brochure replaces the old one.</summary>
        private async Task<IReadOnlyList<UploadError>> StoreUploadsAsync(Product product, Input input, CancellationToken ct)
        {
            var uploads = input.Images.Select(i => (File: i, Kind: StoredFileKind.ProductImage)).ToList();
            if (input.Brochure is not null)
            {
                uploads.Add((input.Brochure, StoredFileKind.Brochure));
            }

            var stored = new List<StoredFile>();
            var errors = new List<UploadError>();
            foreach (var (upload, kind) in uploads)
            {
                var (file, error) = await files.SaveAsync(upload, kind, product.OrganizationId, product.Id, ct);
                if (error is not null)
                {
                    errors.Add(new UploadError(kind == StoredFileKind.Brochure ? nameof(Input.Brochure) : nameof(Input.Images), error));
                    continue;
                }

                stored.Add(file!);
            }

            if (errors.Count > 0)
            {
                stored.ForEach(files.Delete);
                return errors;
            }

            if (input.Brochure is not null)
            {
                var old = await db.StoredFiles.Where(f => f.ProductId == product.Id && f.Kind == StoredFileKind.Brochure).ToListAsync(ct);
                db.StoredFiles.RemoveRange(old);
                old.ForEach(files.Delete);
            }

            db.StoredFiles.AddRange(stored);
            await db.SaveChangesAsync(ct);
            return errors;
        }
    }
}
