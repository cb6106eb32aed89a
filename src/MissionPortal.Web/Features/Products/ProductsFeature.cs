using MissionPortal.Web.Infrastructure.Mvc;

namespace MissionPortal.Web.Features.Products;

/// <summary>A company's products and their files.</summary>
public sealed class ProductsFeature : IFeatureServices
{
    public void AddTo(IServiceCollection services)
    {
        services.AddScoped<ProductQueries>();
        services.AddScoped<SaveProduct.Handler>();
        services.AddScoped<DeleteProduct.Handler>();
        services.AddScoped<RestoreProduct.Handler>();
        services.AddScoped<DeleteProductFile.Handler>();
    }
}
