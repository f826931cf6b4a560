using Microsoft.Extensions.DependencyInjection.Extensions;

namespace TalkBot.Bot.Infrastructure.Routing;

public static class RoutingServices
{
    /// <summary>
    /// Registers a handler once, as each of what it is: a command, a card action, the fallback command, a scheduled
    /// job. The router refuses two handlers for one verb or command word at start-up.
    /// </summary>
    public static IServiceCollection AddHandler<T>(this IServiceCollection services) where T : class
    {
        services.TryAddSingleton<T>();
        if (typeof(ICommand).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (ICommand)sp.GetRequiredService<T>());
        }

        if (typeof(ICardAction).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (ICardAction)sp.GetRequiredService<T>());
        }

        if (typeof(IFallbackCommand).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (IFallbackCommand)sp.GetRequiredService<T>());
        }

        if (typeof(IScheduledJob).IsAssignableFrom(typeof(T)))
        {
            services.AddSingleton(sp => (IScheduledJob)sp.GetRequiredService<T>());
        }

        return services;
    }

    /// <summary>Registers a typeahead dataset; the router refuses two of one name at start-up.</summary>
    public static IServiceCollection AddSearch<T>(this IServiceCollection services) where T : class, ISearchDataset
    {
        services.TryAddSingleton<T>();
        return services.AddSingleton<ISearchDataset>(sp => sp.GetRequiredService<T>());
    }

    /// <summary>Registers a typeahead dataset made from services (one class serving several datasets, by name).</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services, Func<IServiceProvider, ISearchDataset> dataset) =>
        services.AddSingleton(dataset);
}
