# Build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig CompassionBot.sln ./
COPY src/ src/
RUN dotnet publish src/Bot.Host/Bot.Host.csproj -c Release -o /app --no-self-contained

# Run
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    Urls=http://0.0.0.0:8080 \
    Storage__DataDirectory=/data
VOLUME /data
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Bot.Host.dll"]
CMD ["run"]
