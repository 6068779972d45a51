module "migration" {
  source             = "./regions"
  source_bucket      = "tf-module-datasync-mkolarek-development"
  destination_bucket = "tf-module-datasync-mkolarek-production"
  source_region      = "eu-west-1"
  destination_region = "eu-central-1"
}
