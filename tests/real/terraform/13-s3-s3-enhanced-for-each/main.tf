locals {
  environment       = trimprefix(terraform.workspace, "analytical-platform-ingestion-")
  bucket_list       = jsondecode(data.aws_secretsmanager_secret_version.bucket_list[0].secret_string)
  target_buckets    = local.environment == "production" ? local.bucket_list.buckets : []
  ireland_buckets   = local.environment == "production" ? local.bucket_list.eu-west-1 : []
  london_buckets    = local.environment == "production" ? local.bucket_list.eu-west-2 : []

  origin_arns = merge(
    { for name, loc in aws_datasync_location_s3.ireland : name => loc.arn },
    { for name, loc in aws_datasync_location_s3.london : name => loc.arn }
  )
}

resource "aws_datasync_location_s3" "target" {
  for_each = toset(nonsensitive(local.target_buckets))

  s3_bucket_arn = module.analysis_bucket[0].s3_bucket_arn
  subdirectory  = "/${each.key}"

  s3_config {
    bucket_access_role_arn = module.copy_role[0].arn
  }
}

resource "aws_datasync_location_s3" "ireland" {
  provider = aws.eu-west-1
  for_each = toset(nonsensitive(local.ireland_buckets))

  s3_bucket_arn = "arn:aws:s3:::${each.key}"
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = module.copy_role[0].arn
  }
}

resource "aws_datasync_location_s3" "london" {
  for_each = toset(nonsensitive(local.london_buckets))

  s3_bucket_arn = "arn:aws:s3:::${each.key}"
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = module.copy_role[0].arn
  }
}

resource "aws_datasync_task" "per_bucket" {
  for_each = toset(nonsensitive(local.target_buckets))

  name                     = "laa-data-analysis-${each.key}-to-dedicated"
  source_location_arn      = local.origin_arns[each.key]
  destination_location_arn = aws_datasync_location_s3.target[each.key].arn
  cloudwatch_log_group_arn = "${module.enhanced_logs.cloudwatch_log_group_arn}:*"
  task_mode                = "ENHANCED"

  options {
    preserve_deleted_files         = "PRESERVE"
    preserve_devices               = "NONE"
    verify_mode                    = "NONE"
    posix_permissions              = "NONE"
    uid                            = "NONE"
    gid                            = "NONE"
    atime                          = "BEST_EFFORT"
    mtime                          = "PRESERVE"
    bytes_per_second               = -1
    task_queueing                  = "ENABLED"
    transfer_mode                  = "CHANGED"
    security_descriptor_copy_flags = "NONE"
    object_tags                    = "PRESERVE"
    overwrite_mode                 = "NEVER"
    log_level                      = "TRANSFER"
  }
}
