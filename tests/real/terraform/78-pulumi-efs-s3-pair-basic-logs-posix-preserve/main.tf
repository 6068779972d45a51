# A game server keeps its world on an EFS access point; two tasks, started
# by hand, copy it out to a bucket and bring uploaded files back. Written as
# the HCL of the provider the Pulumi program uses (pulumi-aws bridges the
# Terraform provider: same arguments, same defaults).

variable "deployment" {
  type    = string
  default = "blocks-dev"
}

locals {
  labels = {
    deployment = var.deployment
    managed-by = "pulumi"
    app        = "blocks"
  }
}

variable "zone" {
  type    = string
  default = "us-east-1a"
}

resource "aws_vpc" "game" {
  cidr_block = "10.40.0.0/16"
}

resource "aws_subnet" "game" {
  vpc_id            = aws_vpc.game.id
  cidr_block        = "10.40.0.0/24"
  availability_zone = var.zone
}

resource "aws_security_group" "game" {
  name_prefix = "blocks-sg"
  vpc_id      = aws_vpc.game.id
  tags        = local.labels
}

resource "aws_efs_file_system" "world" {
  encrypted              = true
  availability_zone_name = var.zone
  tags                   = local.labels
}

resource "aws_efs_access_point" "world" {
  file_system_id = aws_efs_file_system.world.id

  posix_user {
    uid = 1000
    gid = 1000
  }

  root_directory {
    path = "/world"
    creation_info {
      owner_uid   = 1000
      owner_gid   = 1000
      permissions = "777"
    }
  }
}

resource "aws_efs_mount_target" "world" {
  file_system_id  = aws_efs_file_system.world.id
  subnet_id       = aws_subnet.game.id
  security_groups = [aws_security_group.game.id]
}

resource "aws_s3_bucket" "transfer" {
  bucket_prefix = "${var.deployment}-"
  tags          = local.labels
}

resource "aws_iam_role" "transfer" {
  name_prefix = "blocks-transfer-"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "datasync.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
  tags = local.labels
}

resource "aws_cloudwatch_log_group" "transfer" {
  name_prefix       = "${var.deployment}-transfer-"
  retention_in_days = 7
  tags              = local.labels
}

resource "aws_datasync_location_efs" "world" {
  efs_file_system_arn   = aws_efs_file_system.world.arn
  access_point_arn      = aws_efs_access_point.world.arn
  in_transit_encryption = "TLS1_2"
  subdirectory          = "/"

  ec2_config {
    security_group_arns = [aws_security_group.game.arn]
    subnet_arn          = aws_subnet.game.arn
  }

  tags       = local.labels
  depends_on = [aws_efs_mount_target.world]
}

resource "aws_datasync_location_s3" "transfer" {
  s3_bucket_arn = aws_s3_bucket.transfer.arn
  subdirectory  = "/"

  s3_config {
    bucket_access_role_arn = aws_iam_role.transfer.arn
  }

  tags = local.labels
}

resource "aws_datasync_task" "world_out" {
  name                     = "world-to-bucket"
  source_location_arn      = aws_datasync_location_efs.world.arn
  destination_location_arn = aws_datasync_location_s3.transfer.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.transfer.arn
  tags                     = local.labels

  options {
    log_level         = "BASIC"
    transfer_mode     = "CHANGED"
    posix_permissions = "PRESERVE"
  }
}

resource "aws_datasync_task" "world_in" {
  name                     = "bucket-to-world"
  source_location_arn      = aws_datasync_location_s3.transfer.arn
  destination_location_arn = aws_datasync_location_efs.world.arn
  cloudwatch_log_group_arn = aws_cloudwatch_log_group.transfer.arn
  tags                     = local.labels

  options {
    log_level              = "BASIC"
    transfer_mode          = "CHANGED"
    posix_permissions      = "NONE"
    uid                    = "NONE"
    gid                    = "NONE"
    preserve_deleted_files = "REMOVE"
  }
}
