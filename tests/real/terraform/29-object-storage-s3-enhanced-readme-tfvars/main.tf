# Google Cloud Storage bucket read through its S3-compatible endpoint, no agent
resource "aws_datasync_location_object_storage" "bucket_in_gcs" {
  bucket_name     = var.gcs_bucket
  server_hostname = "storage.googleapis.com"
  server_protocol = "HTTPS"
  agent_arns      = []

  access_key = var.hmac_access_id
  secret_key = var.hmac_secret
}

resource "aws_datasync_location_s3" "landing" {
  s3_bucket_arn = "arn:aws:s3:::${var.name}-${var.stage}-landing"
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.datasync_bucket_access.arn
  }
}

resource "aws_cloudwatch_log_group" "datasync" {
  name              = "/aws/datasync"
  retention_in_days = 7
}

resource "aws_datasync_task" "gcs_copy" {
  name                     = "${var.name}-${var.stage}-gcs-copy"
  source_location_arn      = aws_datasync_location_object_storage.bucket_in_gcs.arn
  destination_location_arn = aws_datasync_location_s3.landing.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.datasync.arn
  task_mode                = "ENHANCED"

  options {
    verify_mode                    = var.verify_mode
    overwrite_mode                 = var.overwrite_mode
    preserve_deleted_files         = var.preserve_deleted_files
    preserve_devices               = "NONE"
    posix_permissions              = "NONE"
    uid                            = "NONE"
    gid                            = "NONE"
    atime                          = "BEST_EFFORT"
    mtime                          = "PRESERVE"
    task_queueing                  = "ENABLED"
    log_level                      = var.log_level
    transfer_mode                  = "CHANGED"
    security_descriptor_copy_flags = "NONE"
    object_tags                    = "NONE"
  }
}
