using Microsoft.Extensions.Options;

namespace TalkBot.Bot.Features.Directory;

public static class GraphDirectoryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GraphDirectorySource"/> as the <see cref="IDirectorySource"/>, configured from
    /// <c>Directory:Graph</c>. The options are checked when the source is first resolved.
    /// </summary>
    public static IServiceCollection AddGraphDirectorySource(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<GraphDirectoryOptions>(configuration.GetSection(GraphDirectoryOptions.Section));
        services.AddSingleton(provider => new GraphDirectorySource(
            provider.GetRequiredService<IOptions<GraphDirectoryOptions>>(),
            provider.GetRequiredService<ILogger<GraphDirectorySource>>()));
        services.AddSingleton<IDirectorySource>(provider => provider.GetRequiredService<GraphDirectorySource>());
        return services;
    }
}
