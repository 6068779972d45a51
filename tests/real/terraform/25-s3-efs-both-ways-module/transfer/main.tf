variable "upload_s3_arn" {}
variable "reports_s3_arn" {}
variable "efs_arn" {}
variable "efs_id" {}
variable "batch_security_group" {}

resource "aws_efs_access_point" "scratch" {
  file_system_id = var.efs_id
}

resource "aws_datasync_location_s3" "inbox" {
  s3_bucket_arn = var.upload_s3_arn
  subdirectory  = "/chronostics/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.inbox.arn
  }
}

resource "aws_datasync_location_s3" "outbox" {
  s3_bucket_arn = var.reports_s3_arn
  subdirectory  = "/outputs/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.outbox.arn
  }
}

resource "aws_datasync_location_efs" "scratch" {
  efs_file_system_arn         = var.efs_arn
  access_point_arn            = aws_efs_access_point.scratch.arn
  file_system_access_role_arn = aws_iam_role.efs.arn
  in_transit_encryption       = "TLS1_2"
  subdirectory                = "/"

  ec2_config {
    security_group_arns = [var.batch_security_group]
    subnet_arn          = data.aws_subnet.selected.arn
  }
}

resource "aws_datasync_task" "stage_in" {
  name                     = "datasync_task_s3_efs"
  source_location_arn      = aws_datasync_location_s3.inbox.arn
  destination_location_arn = aws_datasync_location_efs.scratch.arn

  options {
    bytes_per_second = -1
  }
}

resource "aws_datasync_task" "stage_out" {
  name                     = "datasync_task_efs_s3"
  source_location_arn      = aws_datasync_location_efs.scratch.arn
  destination_location_arn = aws_datasync_location_s3.outbox.arn

  options {
    bytes_per_second = -1
  }
}
