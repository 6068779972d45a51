locals {
  seed_enabled     = var.seed_bucket_name != ""
  seed_source_dir  = var.seed_prefix == "" ? null : "/${trim(var.seed_prefix, "/")}"
  seed_target_dir  = var.fsx_seed_subdirectory == "" ? null : "/${trim(var.fsx_seed_subdirectory, "/")}"
  seed_bucket_arn  = "arn:aws:s3:::${var.seed_bucket_name}"
  directory_domain = "${var.name}.local"
}

resource "random_password" "directory_admin" {
  length = 24
}

resource "aws_security_group" "share" {
  name = "${var.name}-share"
}

resource "aws_fsx_windows_file_system" "share" {
  storage_capacity    = 32
  subnet_ids          = ["subnet-0a1b2c3d4e5f60789"]
  throughput_capacity = 32
  security_group_ids  = [aws_security_group.share.id]
}

resource "aws_iam_role" "seed_reader" {
  count = local.seed_enabled ? 1 : 0

  name = "${var.name}-seed-reader"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = var.tags
}

resource "aws_datasync_location_s3" "seed" {
  count = local.seed_enabled ? 1 : 0

  s3_bucket_arn = local.seed_bucket_arn
  subdirectory  = local.seed_source_dir != null ? local.seed_source_dir : "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.seed_reader[0].arn
  }

  tags = var.tags
}

resource "aws_datasync_location_fsx_windows_file_system" "share" {
  count = local.seed_enabled ? 1 : 0

  fsx_filesystem_arn  = aws_fsx_windows_file_system.share.arn
  security_group_arns = [aws_security_group.share.arn]
  user                = "Admin"
  password            = random_password.directory_admin.result
  domain              = local.directory_domain
  subdirectory        = local.seed_target_dir

  tags = var.tags
}

resource "aws_datasync_task" "seed" {
  count = local.seed_enabled ? 1 : 0

  name                     = "${var.name}-seed-to-share"
  source_location_arn      = aws_datasync_location_s3.seed[0].arn
  destination_location_arn = aws_datasync_location_fsx_windows_file_system.share[0].arn

  options {
    atime                          = "BEST_EFFORT"
    bytes_per_second               = -1
    gid                            = "NONE"
    log_level                      = "OFF"
    overwrite_mode                 = "ALWAYS"
    posix_permissions              = "NONE"
    preserve_deleted_files         = "PRESERVE"
    preserve_devices               = "NONE"
    security_descriptor_copy_flags = "OWNER_DACL"
    task_queueing                  = "ENABLED"
    transfer_mode                  = "CHANGED"
    uid                            = "NONE"
    verify_mode                    = "POINT_IN_TIME_CONSISTENT"
  }

  tags = var.tags
}
