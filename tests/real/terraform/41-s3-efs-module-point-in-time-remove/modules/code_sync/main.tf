variable "role_arn" {}
variable "bucket_arn" {}
variable "efs_arn" {}
variable "services_sg_arn" {}
variable "subnet_arn" {}
variable "task_name" {}

resource "aws_datasync_location_s3" "code" {
  s3_bucket_arn = var.bucket_arn
  subdirectory  = "/code-locations/"

  s3_config {
    bucket_access_role_arn = var.role_arn
  }
}

resource "aws_datasync_location_efs" "shared" {
  efs_file_system_arn = var.efs_arn

  ec2_config {
    security_group_arns = [var.services_sg_arn]
    subnet_arn          = var.subnet_arn
  }
}

resource "aws_datasync_task" "code_to_efs" {
  name                     = var.task_name
  source_location_arn      = aws_datasync_location_s3.code.arn
  destination_location_arn = aws_datasync_location_efs.shared.arn

  options {
    verify_mode            = "POINT_IN_TIME_CONSISTENT"
    overwrite_mode         = "ALWAYS"
    atime                  = "BEST_EFFORT"
    mtime                  = "PRESERVE"
    preserve_deleted_files = "REMOVE"
  }
}
