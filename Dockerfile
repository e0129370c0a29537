# Herald.Host (API, engine workers and the Durable Task sidecar in one process) for people who run Herald outside
# Azure Functions. Builds from the repository root: docker build -t herald . && docker run -p 8080:8080 herald
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Herald.Host/Herald.Host.csproj -c Release -o /app --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# Not root: the image's own unprivileged user. Local state goes to a folder it owns.
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_ENVIRONMENT=Production \
    Herald__DataDirectory=/home/app/.herald
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "Herald.Host.dll"]
