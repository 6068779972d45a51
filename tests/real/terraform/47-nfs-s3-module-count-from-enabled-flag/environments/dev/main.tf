locals {
  name = "${var.project_name}-${var.environment}"
  common_tags = {
    Project     = var.project_name
    Environment = var.environment
    ManagedBy   = "Terraform"
  }
}

resource "aws_s3_bucket" "history" {
  bucket = "${local.name}-history-data"
  tags   = local.common_tags
}

module "datasync" {
  source              = "../../modules/datasync"
  enabled             = var.enable_datasync
  name                = local.name
  agent_arn           = var.datasync_agent_arn
  nfs_server_hostname = var.onprem_nfs_server
  nfs_subdirectory    = var.onprem_nfs_subdirectory
  s3_bucket_arn       = aws_s3_bucket.history.arn
  schedule_expression = var.datasync_schedule_expression
  tags                = local.common_tags
}
