// Herald on Azure: a storage account (tables + queues), a Key Vault, and a Linux web app running
// Herald.Host with a system-assigned identity that reaches both through Microsoft Entra ID (no keys).
// No Bicep compiler is reachable from our build machines: keep this file small and reviewed.
targetScope = 'resourceGroup'

@description('Short name used to derive resource names (3-11 lower-case letters or digits).')
@minLength(3)
@maxLength(11)
param name string

@description('Azure region.')
param location string = resourceGroup().location

@description('App Service plan SKU (workers run inside the host; scale out adds workers).')
param planSku string = 'P0v3'

@description('JWT issuer the API accepts.')
param authIssuer string

@description('JWT audience the API accepts.')
param authAudience string

@description('JWKS URL of the token issuer (its RS256 signing keys).')
param authJwksUrl string

var suffix = uniqueString(resourceGroup().id)
var storageName = toLower('${name}${take(suffix, 12)}')
var vaultName = '${name}-kv-${take(suffix, 6)}'

// Built-in role ids (PLATFORMS.md, "Azure deployment facts").
var queueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var tableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageName
  location: location
  sku: { name: 'Standard_LRS' }
  kind: 'StorageV2'
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    supportsHttpsTrafficOnly: true
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    enablePurgeProtection: true
  }
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${name}-plan'
  location: location
  kind: 'linux'
  sku: { name: planSku }
  properties: { reserved: true }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: '${name}-${take(suffix, 6)}'
  location: location
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      alwaysOn: true
      healthCheckPath: '/readyz'
      appSettings: [
        { name: 'Herald__Storage__TableEndpoint', value: storage.properties.primaryEndpoints.table }
        { name: 'Herald__Storage__QueueEndpoint', value: storage.properties.primaryEndpoints.queue }
        { name: 'Herald__Secrets__Provider', value: 'KeyVault' }
        { name: 'Herald__Secrets__VaultUri', value: vault.properties.vaultUri }
        { name: 'Herald__Auth__Issuer', value: authIssuer }
        { name: 'Herald__Auth__Audience', value: authAudience }
        { name: 'Herald__Auth__JwksUrl', value: authJwksUrl }
      ]
    }
  }
}

resource queueRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, queueDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', queueDataContributor)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource tableRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, app.id, tableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', tableDataContributor)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

resource secretsRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, app.id, keyVaultSecretsUser)
  scope: vault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    principalId: app.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

output appUrl string = 'https://${app.properties.defaultHostName}'
output storageAccount string = storage.name
output keyVault string = vault.name
