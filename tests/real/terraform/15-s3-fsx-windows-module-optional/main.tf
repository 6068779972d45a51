locals {
  is_production = terraform.workspace == "delius-mis-production"

  sync_production = {
    source_s3_bucket_arn = "arn:aws:s3:::corpus-extracts"
  }
}

module "production" {
  source = "./environment"
  count  = local.is_production ? 1 : 0

  app_name        = "delius-mis"
  env_name        = "prod"
  datasync_config = local.sync_production
}
