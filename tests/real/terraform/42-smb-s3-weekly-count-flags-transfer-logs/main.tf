resource "aws_s3_bucket" "library" {
  count  = var.enable_ingestion ? 1 : 0
  bucket = "${var.project}-library-documents"
}

resource "aws_iam_role" "copier" {
  count = var.enable_ingestion && var.enable_datasync ? 1 : 0
  name  = "${var.project}-copier"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_datasync_location_smb" "share" {
  count = var.enable_ingestion && var.enable_datasync ? 1 : 0

  agent_arns      = [var.agent_arn]
  domain          = var.smb_domain
  password        = var.smb_password
  server_hostname = var.smb_host
  subdirectory    = var.smb_folder
  user            = var.smb_user

  mount_options {
    version = var.smb_version
  }
}

resource "aws_datasync_location_s3" "library" {
  count = var.enable_ingestion && var.enable_datasync ? 1 : 0

  s3_bucket_arn = aws_s3_bucket.library[0].arn
  subdirectory  = var.bucket_prefix

  s3_config {
    bucket_access_role_arn = aws_iam_role.copier[0].arn
  }
}

resource "aws_datasync_task" "weekly" {
  count = var.enable_ingestion && var.enable_datasync ? 1 : 0

  name                     = "${var.project}-weekly-copy"
  source_location_arn      = aws_datasync_location_smb.share[0].arn
  destination_location_arn = aws_datasync_location_s3.library[0].arn

  schedule {
    schedule_expression = var.weekly_schedule
  }

  options {
    verify_mode                    = "POINT_IN_TIME_CONSISTENT"
    transfer_mode                  = "CHANGED"
    preserve_deleted_files         = "PRESERVE"
    overwrite_mode                 = "ALWAYS"
    atime                          = "BEST_EFFORT"
    mtime                          = "PRESERVE"
    object_tags                    = "PRESERVE"
    bytes_per_second               = -1
    task_queueing                  = "ENABLED"
    log_level                      = "TRANSFER"
    posix_permissions              = "NONE"
    uid                            = "NONE"
    gid                            = "NONE"
    preserve_devices               = "NONE"
    security_descriptor_copy_flags = "OWNER_DACL"
  }

  includes {
    filter_type = "SIMPLE_PATTERN"
    value       = var.include_filter
  }
}
