provider "aws" {
  region = var.region
}

module "sync_task" {
  source                   = "./task"
  destination_location_arn = var.destination_location_arn
  source_location_arn      = var.source_location_arn
  cloudwatch_log_group_arn = var.cloudwatch_log_group_arn
  excludes                 = var.excludes
  name                     = var.name
  schedule                 = var.schedule
  tags                     = var.tags
  options                  = var.options
}
